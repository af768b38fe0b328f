using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RetailFunctions.Core.Events;
using RetailFunctions.Core.Serialization;
using RetailFunctions.Core.Telemetry;

namespace RetailFunctions.Core.Sla;

/// <summary>
/// Times the flows of <see cref="SlaFlows"/>: a clock starts when a flow starts and stops when it ends; a flow that ends
/// late, or is still running past its threshold when <see cref="CheckAsync"/> looks, raises one breach (a row, an
/// event <c>sla.breached</c>, a metric and a warning). Breaches are reported only: they never hold processing up.
/// </summary>
public sealed partial class SlaTracker(
    ISlaStore store,
    IRetailEvents events,
    SafetyNetMetrics metrics,
    IOptionsMonitor<SlaOptions> options,
    TimeProvider time,
    ILogger<SlaTracker> logger)
{
    public const string BreachedEventType = "sla.breached";

    public Task StartAsync(string flow, string subject, CancellationToken cancellationToken) =>
        store.StartAsync(new SlaClock(flow, subject, time.GetUtcNow()), cancellationToken);

    /// <summary>Ends the flow; raises a breach when it took longer than its threshold.</summary>
    public async Task StopAsync(string flow, string subject, CancellationToken cancellationToken)
    {
        if (await store.StopAsync(flow, subject, cancellationToken) is not { } clock)
        {
            return;
        }

        var now = time.GetUtcNow();
        var threshold = options.CurrentValue.Threshold(flow);
        if (now - clock.StartedAt > threshold)
        {
            await RaiseAsync(new SlaBreach(flow, subject, clock.StartedAt, now, now, threshold, now - clock.StartedAt), cancellationToken);
        }
    }

    /// <summary>Judges a flow whose start the caller kept itself (no clock ran); raises a breach when it took too long.</summary>
    public async Task JudgeAsync(string flow, string subject, DateTimeOffset startedAt, DateTimeOffset completedAt, CancellationToken cancellationToken)
    {
        var threshold = options.CurrentValue.Threshold(flow);
        if (completedAt - startedAt > threshold)
        {
            await RaiseAsync(new SlaBreach(flow, subject, startedAt, time.GetUtcNow(), completedAt, threshold, completedAt - startedAt), cancellationToken);
        }
    }

    /// <summary>Ends the flow without judging it (an order cancelled before it was posted has no service level to keep).</summary>
    public Task AbandonAsync(string flow, string subject, CancellationToken cancellationToken) =>
        store.StopAsync(flow, subject, cancellationToken);

    /// <summary>Raises a breach for every flow still running past its threshold.</summary>
    /// <returns>How many breaches were new.</returns>
    public async Task<int> CheckAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var raised = 0;
        foreach (var flow in SlaFlows.All)
        {
            var threshold = options.CurrentValue.Threshold(flow);
            foreach (var clock in await store.StartedBeforeAsync(flow, now - threshold, cancellationToken))
            {
                if (await RaiseAsync(new SlaBreach(flow, clock.Subject, clock.StartedAt, now, null, threshold, now - clock.StartedAt), cancellationToken))
                {
                    raised++;
                }
            }
        }

        return raised;
    }

    /// <remarks>
    /// The breach row and its event live in different tables, so they cannot commit together: the event is announced
    /// whenever the breach is raised, also when the row was there already. Its id is the breach's identity, so that
    /// repeat is a no-op in the outbox, and a crash between the row and the event no longer loses the event.
    /// </remarks>
    private async Task<bool> RaiseAsync(SlaBreach breach, CancellationToken cancellationToken)
    {
        var added = await store.TryAddBreachAsync(breach, cancellationToken);
        await events.PublishAsync(
            new RetailEvent(
                $"sla:{breach.Flow}:{breach.Subject}",
                BreachedEventType,
                breach.Subject,
                null,
                breach.DetectedAt,
                JsonSerializer.SerializeToElement(breach, SafetyNetJson.Default.SlaBreach)),
            cancellationToken);
        if (!added)
        {
            return false;
        }

        metrics.SlaBreached(breach.Flow);
        LogBreached(breach.Flow, breach.Subject, breach.Elapsed, breach.Threshold);
        return true;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "SLA {Flow} breached by {Subject}: {Elapsed} against a threshold of {Threshold}")]
    private partial void LogBreached(string flow, string subject, TimeSpan elapsed, TimeSpan threshold);
}
