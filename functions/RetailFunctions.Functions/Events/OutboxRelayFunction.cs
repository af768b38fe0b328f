using Microsoft.Azure.Functions.Worker;
using RetailFunctions.Infrastructure.Events;
using RetailFunctions.Infrastructure.Storage;

namespace RetailFunctions.Functions.Events;

/// <summary>
/// Publishes the outbox: the nudge that each commit queues relays that partition at once, and a sweep every
/// <c>Events:SweepInterval</c> (checked every 5 s) catches the rest: rows whose nudge was lost in a crash and rows whose
/// earlier send failed. Both may meet on a row; the lease decides. A nudge naming no known table has nothing to relay;
/// the sweep covers it.
/// </summary>
public sealed class OutboxRelayFunction(OutboxRelay relay)
{
    [Function("OutboxRelaySweep")]
    public Task Sweep([TimerTrigger("*/5 * * * * *")] TimerInfo timer, CancellationToken cancellationToken) =>
        relay.SweepIfDueAsync(cancellationToken);

    [Function("OutboxRelayNudge")]
    public Task Nudge([QueueTrigger(StorageNames.OutboxRelayQueue)] string partition, CancellationToken cancellationToken) =>
        OutboxPartition.Parse(partition) is { } named ? relay.RelayNudgedAsync(named, cancellationToken) : Task.CompletedTask;
}
