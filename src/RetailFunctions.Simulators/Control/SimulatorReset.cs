using RetailFunctions.Simulators.Faults;
using RetailFunctions.Simulators.Gateway;
using RetailFunctions.Simulators.Idempotency;
using RetailFunctions.Simulators.RateLimits;

namespace RetailFunctions.Simulators.Control;

/// <summary>Back to the state at start: documents, idempotency keys, faults, rate-limit overrides and counters.</summary>
public sealed class SimulatorReset(
    IEnumerable<ISimulatedSystem> systems,
    FaultRegistry faults,
    RateLimitRegistry rateLimits,
    IdempotencyStore idempotency,
    OperationCounters counters)
{
    private readonly ISimulatedSystem[] _systems = systems.ToArray();

    public bool IsKnown(string system) => _systems.Any(s => s.System == system);

    /// <returns>False when <paramref name="system"/> names no simulated system.</returns>
    public bool Reset(string? system)
    {
        if (system is not null && !IsKnown(system))
        {
            return false;
        }

        foreach (var simulated in _systems.Where(s => system is null || s.System == system))
        {
            simulated.Reset();
        }

        faults.Clear(system);
        rateLimits.Reset(system);
        idempotency.Reset(system);
        counters.Reset(system);
        return true;
    }
}
