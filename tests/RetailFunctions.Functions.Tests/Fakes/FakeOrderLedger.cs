using RetailFunctions.Core.Shipments;
using RetailFunctions.Core.Events;
using RetailFunctions.Core.Orders;

namespace RetailFunctions.Functions.Tests.Fakes;

/// <summary>An in-memory ledger keeping every workflow step; safe to read from the test while activities write.</summary>
internal sealed class FakeOrderLedger : IOrderLedger
{
    private readonly Lock _gate = new();
    private readonly Dictionary<(string Channel, string Id), CanonicalOrder> _orders = [];
    private readonly Dictionary<(string Channel, string Id), List<OrderProgress>> _progress = [];
    private readonly Dictionary<(string Channel, string Id), List<OrderShipment>> _shipments = [];
    private readonly Dictionary<(string Channel, string Id), List<OrderReturn>> _returns = [];

    public void Seed(CanonicalOrder order)
    {
        lock (_gate)
        {
            _orders[(order.Channel, order.ChannelOrderId)] = order;
        }
    }

    /// <summary>Every <see cref="OrderProgress"/> recorded for the order, oldest first.</summary>
    public IReadOnlyList<OrderProgress> ProgressOf(string channel, string channelOrderId)
    {
        lock (_gate)
        {
            return [.. _progress.GetValueOrDefault((channel, channelOrderId)) ?? []];
        }
    }

    public IReadOnlyList<OrderShipment> ShipmentsOf(string channel, string channelOrderId)
    {
        lock (_gate)
        {
            return [.. _shipments.GetValueOrDefault((channel, channelOrderId)) ?? []];
        }
    }

    public Task<LedgerChange> RecordAsync(CanonicalOrder order, CancellationToken cancellationToken)
    {
        Seed(order);
        return Task.FromResult(LedgerChange.Created);
    }

    public Task RecordFailureAsync(string channel, string channelOrderId, string reason, CancellationToken cancellationToken) =>
        UpdateProgressAsync(channel, channelOrderId, new OrderProgress(OrderStatus.Failed, FailureReason: reason), cancellationToken);

    public Task<OrderRecord?> FindAsync(string channel, string channelOrderId, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (!_orders.TryGetValue((channel, channelOrderId), out var order))
            {
                return Task.FromResult<OrderRecord?>(null);
            }

            var steps = _progress.GetValueOrDefault((channel, channelOrderId)) ?? [];
            return Task.FromResult<OrderRecord?>(new OrderRecord(
                channel, channelOrderId, order.OrderNumber, steps.LastOrDefault()?.Status ?? OrderStatus.Received, order.Currency,
                order.Lines, order.Totals, steps.LastOrDefault(s => s.ErpOrderId is not null)?.ErpOrderId,
                [.. _shipments.GetValueOrDefault((channel, channelOrderId)) ?? []], steps.LastOrDefault()?.FailureReason,
                order.PlacedAt, order.UpdatedAt, order.CancelledAt, order.PlacedAt, steps.LastOrDefault(s => s.Alert is not null)?.Alert,
                Returns: [.. _returns.GetValueOrDefault((channel, channelOrderId)) ?? []]));
        }
    }

    public Task<bool> RecordTrackingAsync(string channel, string channelOrderId, TrackingEvent tracking, CancellationToken cancellationToken) =>
        throw new NotSupportedException("OrderToCash never records carrier tracking; shipments have their own tests.");

    /// <summary>Checks and takes the return in one step, as the table ledger does under its ETag; a return taken already is not taken twice.</summary>
    public async Task<string?> AcceptReturnAsync(string channel, string channelOrderId, OrderReturn orderReturn, Func<OrderRecord, string?> refusal, CancellationToken cancellationToken)
    {
        var order = await FindAsync(channel, channelOrderId, cancellationToken) ?? throw new InvalidOperationException($"Order {channel}/{channelOrderId} is not in the ledger.");
        if (refusal(order) is { } reason)
        {
            return reason;
        }

        lock (_gate)
        {
            if (!_returns.TryGetValue((channel, channelOrderId), out var returns))
            {
                _returns[(channel, channelOrderId)] = returns = [];
            }

            if (returns.All(r => r.ReturnKey != orderReturn.ReturnKey))
            {
                returns.Add(orderReturn);
            }
        }

        return null;
    }

    public Task<CanonicalOrder?> FindCanonicalAsync(string channel, string channelOrderId, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult(_orders.GetValueOrDefault((channel, channelOrderId)));
        }
    }

    /// <summary>The events committed with a step, in order.</summary>
    public FakeRetailEvents Announced { get; } = new();

    public async Task UpdateProgressAsync(string channel, string channelOrderId, OrderProgress progress, RetailEvent announcement, CancellationToken cancellationToken)
    {
        await UpdateProgressAsync(channel, channelOrderId, progress, cancellationToken);
        await Announced.PublishAsync(announcement, cancellationToken);
    }

    public Task UpdateProgressAsync(string channel, string channelOrderId, OrderProgress progress, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (!_progress.TryGetValue((channel, channelOrderId), out var steps))
            {
                _progress[(channel, channelOrderId)] = steps = [];
            }

            steps.Add(progress);
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<OrderShipment>> AddShipmentAsync(string channel, string channelOrderId, OrderShipment shipment, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (!_shipments.TryGetValue((channel, channelOrderId), out var shipments))
            {
                _shipments[(channel, channelOrderId)] = shipments = [];
            }

            if (shipments.All(s => s.ShipmentId != shipment.ShipmentId))
            {
                shipments.Add(shipment);
            }

            return Task.FromResult<IReadOnlyList<OrderShipment>>([.. shipments]);
        }
    }
}
