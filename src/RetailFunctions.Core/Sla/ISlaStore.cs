namespace RetailFunctions.Core.Sla;

/// <summary>Running clocks per flow and the breaches they raised.</summary>
public interface ISlaStore
{
    /// <summary>Starts the clock unless it already runs (a redelivered event keeps the first start).</summary>
    Task StartAsync(SlaClock clock, CancellationToken cancellationToken);

    /// <summary>Stops and removes the clock.</summary>
    /// <returns>The clock as it ran, or null when none was running.</returns>
    Task<SlaClock?> StopAsync(string flow, string subject, CancellationToken cancellationToken);

    /// <summary>Clocks of the flow started before <paramref name="cutoff"/>.</summary>
    Task<IReadOnlyList<SlaClock>> StartedBeforeAsync(string flow, DateTimeOffset cutoff, CancellationToken cancellationToken);

    /// <returns>False when a breach of the same flow and subject is already recorded.</returns>
    Task<bool> TryAddBreachAsync(SlaBreach breach, CancellationToken cancellationToken);

    /// <summary>The newest breaches first; empty when none was ever recorded.</summary>
    Task<IReadOnlyList<SlaBreach>> BreachesAsync(int max, CancellationToken cancellationToken);
}
