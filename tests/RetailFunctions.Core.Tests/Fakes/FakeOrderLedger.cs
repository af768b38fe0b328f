using RetailFunctions.Core.Events;
using RetailFunctions.Core.Orders;
using RetailFunctions.Core.Shipments;

namespace RetailFunctions.Core.Tests.Fakes;

/// <summary>An in-memory ledger that keeps every call, newest order per id, with the real stale-version rule.</summary>
internal sealed class FakeOrderLedger : IOrderLedger
{
    private readonly Dictionary<(string Channel, string Id), CanonicalOrder> _orders = [];

    public List<CanonicalOrder> Recorded { get; } = [];

    public List<(string Channel, string ChannelOrderId, string Reason)> Failures { get; } = [];

    public Task<LedgerChange> RecordAsync(CanonicalOrder order, CancellationToken cancellationToken)
    {
        Recorded.Add(order);
        var key = (order.Channel, order.ChannelOrderId);
        if (_orders.TryGetValue(key, out var existing)
            && (order.UpdatedAt ?? order.PlacedAt) < (existing.UpdatedAt ?? existing.PlacedAt))
        {
            return Task.FromResult(LedgerChange.Stale);
        }

        var change = existing is null ? LedgerChange.Created : LedgerChange.Updated;
        _orders[key] = order;
        return Task.FromResult(change);
    }

    public Task RecordFailureAsync(string channel, string channelOrderId, string reason, CancellationToken cancellationToken)
    {
        Failures.Add((channel, channelOrderId, reason));
        return Task.CompletedTask;
    }

    public Dictionary<(string Channel, string Id), List<OrderProgress>> Progress { get; } = [];

    public Dictionary<(string Channel, string Id), List<OrderShipment>> Shipments { get; } = [];

    public Task<OrderRecord?> FindAsync(string channel, string channelOrderId, CancellationToken cancellationToken)
    {
        if (!_orders.TryGetValue((channel, channelOrderId), out var order))
        {
            return Task.FromResult<OrderRecord?>(null);
        }

        var steps = Progress.GetValueOrDefault((channel, channelOrderId)) ?? [];
        return Task.FromResult<OrderRecord?>(new OrderRecord(
            channel, channelOrderId, order.OrderNumber, steps.LastOrDefault()?.Status ?? OrderStatus.Received, order.Currency,
            order.Lines, order.Totals, steps.LastOrDefault(s => s.ErpOrderId is not null)?.ErpOrderId,
            Shipments.GetValueOrDefault((channel, channelOrderId)) ?? [], steps.LastOrDefault()?.FailureReason,
            order.PlacedAt, order.UpdatedAt, order.CancelledAt, order.PlacedAt, steps.LastOrDefault(s => s.Alert is not null)?.Alert,
            [.. (IEnumerable<TrackingEvent>?)Tracking.GetValueOrDefault((channel, channelOrderId))?.Values ?? []],
            [.. Returns.GetValueOrDefault((channel, channelOrderId)) ?? []]));
    }

    public Dictionary<(string Channel, string Id), Dictionary<string, TrackingEvent>> Tracking { get; } = [];

    public Dictionary<(string Channel, string Id), List<OrderReturn>> Returns { get; } = [];

    public Task<bool> RecordTrackingAsync(string channel, string channelOrderId, TrackingEvent tracking, CancellationToken cancellationToken)
    {
        if (!_orders.ContainsKey((channel, channelOrderId)))
        {
            return Task.FromResult(false);
        }

        if (!Tracking.TryGetValue((channel, channelOrderId), out var statuses))
        {
            Tracking[(channel, channelOrderId)] = statuses = [];
        }

        if (TrackingProgress.Supersedes(tracking, statuses.GetValueOrDefault(tracking.TrackingNumber)))
        {
            statuses[tracking.TrackingNumber] = tracking;
        }

        return Task.FromResult(true);
    }

    public async Task<string?> AcceptReturnAsync(string channel, string channelOrderId, OrderReturn orderReturn, Func<OrderRecord, string?> refusal, CancellationToken cancellationToken)
    {
        var order = await FindAsync(channel, channelOrderId, cancellationToken) ?? throw new InvalidOperationException("Order not in the fake ledger.");
        if (!Returns.TryGetValue((channel, channelOrderId), out var returns))
        {
            Returns[(channel, channelOrderId)] = returns = [];
        }

        if (returns.Any(r => r.ReturnKey == orderReturn.ReturnKey))
        {
            return null;
        }

        var reason = refusal(order);
        if (reason is null)
        {
            returns.Add(orderReturn);
        }

        return reason;
    }

    public Task<CanonicalOrder?> FindCanonicalAsync(string channel, string channelOrderId, CancellationToken cancellationToken) =>
        Task.FromResult(_orders.GetValueOrDefault((channel, channelOrderId)));

    /// <summary>The events committed with a step, in order.</summary>
    public RecordingRetailEvents Announced { get; } = new();

    public async Task UpdateProgressAsync(string channel, string channelOrderId, OrderProgress progress, RetailEvent announcement, CancellationToken cancellationToken)
    {
        await UpdateProgressAsync(channel, channelOrderId, progress, cancellationToken);
        await Announced.PublishAsync(announcement, cancellationToken);
    }

    public Task UpdateProgressAsync(string channel, string channelOrderId, OrderProgress progress, CancellationToken cancellationToken)
    {
        if (!Progress.TryGetValue((channel, channelOrderId), out var steps))
        {
            Progress[(channel, channelOrderId)] = steps = [];
        }

        steps.Add(progress);
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<OrderShipment>> AddShipmentAsync(string channel, string channelOrderId, OrderShipment shipment, CancellationToken cancellationToken)
    {
        if (!Shipments.TryGetValue((channel, channelOrderId), out var shipments))
        {
            Shipments[(channel, channelOrderId)] = shipments = [];
        }

        if (shipments.All(s => s.ShipmentId != shipment.ShipmentId))
        {
            shipments.Add(shipment);
        }

        return Task.FromResult<IReadOnlyList<OrderShipment>>([.. shipments]);
    }
}
