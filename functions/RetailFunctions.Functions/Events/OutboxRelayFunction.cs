using Microsoft.Azure.Functions.Worker;
using RetailFunctions.Infrastructure.Events;
using RetailFunctions.Infrastructure.Storage;

namespace RetailFunctions.Functions.Events;

/// <summary>
/// Publishes the outbox: a sweep every few seconds catches everything (including rows whose earlier send failed),
/// and the nudge that each new row queues relays that aggregate at once. Both may meet on a row; the lease decides.
/// </summary>
public sealed class OutboxRelayFunction(OutboxRelay relay)
{
    [Function("OutboxRelaySweep")]
    public Task Sweep([TimerTrigger("*/5 * * * * *")] TimerInfo timer, CancellationToken cancellationToken) =>
        relay.RelayAsync(aggregateId: null, cancellationToken);

    [Function("OutboxRelayNudge")]
    public Task Nudge([QueueTrigger(StorageNames.OutboxRelayQueue)] string aggregateId, CancellationToken cancellationToken) =>
        relay.RelayAsync(aggregateId, cancellationToken);
}
