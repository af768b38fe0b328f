namespace RetailFunctions.Simulators.Faults;

/// <summary>Active faults per system, first added first applied; a counted fault is used up one request at a time.</summary>
public sealed class FaultRegistry(TimeProvider time)
{
    private readonly Lock _gate = new();
    private readonly List<ActiveFault> _faults = [];

    public ActiveFault Add(string system, FaultSpec spec)
    {
        var expiresAt = spec.DurationSeconds is { } seconds ? time.GetUtcNow().AddSeconds(seconds) : (DateTimeOffset?)null;
        var fault = new ActiveFault(system, spec, spec.Count, expiresAt);
        lock (_gate)
        {
            _faults.Add(fault);
        }

        return fault;
    }

    /// <summary>The fault that applies to this request, if any, counting it as used.</summary>
    public FaultSpec? Take(string system, string operation)
    {
        var now = time.GetUtcNow();
        lock (_gate)
        {
            _faults.RemoveAll(f => f.IsSpent(now));
            var index = _faults.FindIndex(f => f.System == system && (f.Spec.Operation is null || f.Spec.Operation == operation));
            if (index < 0)
            {
                return null;
            }

            var fault = _faults[index];
            if (fault.Remaining is { } remaining)
            {
                _faults[index] = fault with { Remaining = remaining - 1 };
            }

            return fault.Spec;
        }
    }

    public IReadOnlyList<ActiveFault> List()
    {
        var now = time.GetUtcNow();
        lock (_gate)
        {
            _faults.RemoveAll(f => f.IsSpent(now));
            return _faults.ToArray();
        }
    }

    public void Clear(string? system = null)
    {
        lock (_gate)
        {
            _faults.RemoveAll(f => system is null || f.System == system);
        }
    }
}
