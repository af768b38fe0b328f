using System.Collections.Concurrent;

namespace RetailFunctions.Simulators.Gateway;

/// <summary>Per operation: requests received, and how many were faulted, throttled or answered from the idempotency store.</summary>
public sealed class OperationCounters
{
    private readonly ConcurrentDictionary<(string System, string Operation), Counter> _counters = new();

    public void Received(SimOperation operation) => Interlocked.Increment(ref Get(operation).Requests);

    public void Faulted(SimOperation operation) => Interlocked.Increment(ref Get(operation).Faulted);

    public void Throttled(SimOperation operation) => Interlocked.Increment(ref Get(operation).Throttled);

    public void Replayed(SimOperation operation) => Interlocked.Increment(ref Get(operation).Replayed);

    public IReadOnlyDictionary<string, OperationCount> For(string system) =>
        _counters.Where(c => c.Key.System == system)
            .OrderBy(c => c.Key.Operation, StringComparer.Ordinal)
            .ToDictionary(
                c => c.Key.Operation,
                c => new OperationCount(
                    Volatile.Read(ref c.Value.Requests),
                    Volatile.Read(ref c.Value.Faulted),
                    Volatile.Read(ref c.Value.Throttled),
                    Volatile.Read(ref c.Value.Replayed)));

    public IReadOnlyList<string> Systems() => _counters.Keys.Select(k => k.System).Distinct().Order(StringComparer.Ordinal).ToArray();

    public void Reset(string? system = null)
    {
        foreach (var key in _counters.Keys.Where(k => system is null || k.System == system))
        {
            _counters.TryRemove(key, out _);
        }
    }

    private Counter Get(SimOperation operation) => _counters.GetOrAdd((operation.System, operation.Name), _ => new Counter());

    private sealed class Counter
    {
        public long Requests;
        public long Faulted;
        public long Throttled;
        public long Replayed;
    }
}
