using Microsoft.Extensions.Logging;
using RetailFunctions.Core.Events;
using RetailFunctions.Core.Orders;
using RetailFunctions.Core.Shipments;
using RetailFunctions.Core.Sla;

namespace RetailFunctions.Infrastructure.Sla;

/// <summary>
/// The order ledger with the order flows' SLA clocks attached to its state changes: a new order starts
/// <see cref="SlaFlows.OrderToErp"/>, <see cref="OrderStatus.PostedToErp"/> stops it; <see cref="OrderStatus.AwaitingShipment"/>
/// starts <see cref="SlaFlows.FulfilmentToShipment"/>, <see cref="OrderStatus.Shipped"/> stops it; a cancellation abandons both.
/// </summary>
public sealed class SlaTimedOrderLedger(IOrderLedger inner, SlaTracker tracker, ILogger<SlaTimedOrderLedger> logger) : IOrderLedger
{
    public async Task<LedgerChange> RecordAsync(CanonicalOrder order, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(order);
        var change = await inner.RecordAsync(order, cancellationToken);
        if (change == LedgerChange.Created && order.CancelledAt is null)
        {
            await SlaTiming.SafelyAsync(logger, SlaFlows.OrderToErp, () => tracker.StartAsync(SlaFlows.OrderToErp, Subject(order.Channel, order.ChannelOrderId), cancellationToken));
        }

        return change;
    }

    public async Task UpdateProgressAsync(string channel, string channelOrderId, OrderProgress progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(progress);
        await inner.UpdateProgressAsync(channel, channelOrderId, progress, cancellationToken);
        await TimeAsync(channel, channelOrderId, progress, cancellationToken);
    }

    public async Task UpdateProgressAsync(string channel, string channelOrderId, OrderProgress progress, RetailEvent announcement, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(progress);
        await inner.UpdateProgressAsync(channel, channelOrderId, progress, announcement, cancellationToken);
        await TimeAsync(channel, channelOrderId, progress, cancellationToken);
    }

    public Task RecordFailureAsync(string channel, string channelOrderId, string reason, CancellationToken cancellationToken) =>
        inner.RecordFailureAsync(channel, channelOrderId, reason, cancellationToken);

    public Task<OrderRecord?> FindAsync(string channel, string channelOrderId, CancellationToken cancellationToken) =>
        inner.FindAsync(channel, channelOrderId, cancellationToken);

    public Task<CanonicalOrder?> FindCanonicalAsync(string channel, string channelOrderId, CancellationToken cancellationToken) =>
        inner.FindCanonicalAsync(channel, channelOrderId, cancellationToken);

    public Task<IReadOnlyList<OrderShipment>> AddShipmentAsync(string channel, string channelOrderId, OrderShipment shipment, CancellationToken cancellationToken) =>
        inner.AddShipmentAsync(channel, channelOrderId, shipment, cancellationToken);

    public Task<bool> RecordTrackingAsync(string channel, string channelOrderId, TrackingEvent tracking, CancellationToken cancellationToken) =>
        inner.RecordTrackingAsync(channel, channelOrderId, tracking, cancellationToken);

    public Task<string?> AcceptReturnAsync(string channel, string channelOrderId, OrderReturn orderReturn, Func<OrderRecord, string?> refusal, CancellationToken cancellationToken) =>
        inner.AcceptReturnAsync(channel, channelOrderId, orderReturn, refusal, cancellationToken);

    public static string Subject(string channel, string channelOrderId) => $"{channel}/{channelOrderId}";

    private async Task TimeAsync(string channel, string channelOrderId, OrderProgress progress, CancellationToken cancellationToken)
    {
        var subject = Subject(channel, channelOrderId);
        Func<Task>? timing = progress.Status switch
        {
            OrderStatus.PostedToErp => () => tracker.StopAsync(SlaFlows.OrderToErp, subject, cancellationToken),
            OrderStatus.AwaitingShipment => () => tracker.StartAsync(SlaFlows.FulfilmentToShipment, subject, cancellationToken),
            OrderStatus.Shipped => () => tracker.StopAsync(SlaFlows.FulfilmentToShipment, subject, cancellationToken),
            OrderStatus.Cancelled => async () =>
            {
                await tracker.AbandonAsync(SlaFlows.OrderToErp, subject, cancellationToken);
                await tracker.AbandonAsync(SlaFlows.FulfilmentToShipment, subject, cancellationToken);
            },
            _ => null,
        };
        if (timing is not null)
        {
            await SlaTiming.SafelyAsync(logger, progress.Status.ToString(), timing);
        }
    }
}
