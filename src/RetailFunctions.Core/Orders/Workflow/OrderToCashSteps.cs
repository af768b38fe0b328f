using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RetailFunctions.Core.BackOffice;
using RetailFunctions.Core.Events;
using RetailFunctions.Core.Inventory;

namespace RetailFunctions.Core.Orders.Workflow;

/// <summary>
/// The side effects of the <c>OrderToCash</c> workflow, one method per activity. Every call is safe to repeat: it
/// carries the order key (or a key derived from it) as the idempotency key of the system it calls.
/// </summary>
public sealed partial class OrderToCashSteps(
    IOrderLedger ledger,
    ISkuMappings mappings,
    IInventoryReservations reservations,
    IErpClient erp,
    IWmsClient wms,
    IEnumerable<IChannelOrderApi> channels,
    TimeProvider time,
    IOptions<OrderToCashOptions> options,
    ILogger<OrderToCashSteps> logger)
{
    private readonly Dictionary<string, IChannelOrderApi> _channels = channels.ToDictionary(c => c.Channel, StringComparer.OrdinalIgnoreCase);

    public async Task<PreparedOrder> PrepareAsync(OrderToCashInput input, CancellationToken cancellationToken)
    {
        var order = await ledger.FindCanonicalAsync(input.Channel, input.ChannelOrderId, cancellationToken)
            ?? throw new InvalidOperationException($"Order {input.OrderKey} is not in the ledger.");
        var problems = new List<string>();
        var lines = new List<PreparedLine>();
        foreach (var line in order.Lines)
        {
            var itemCode = await mappings.FindItemCodeAsync(order.Channel, line.Sku, cancellationToken);
            if (itemCode is null)
            {
                problems.Add($"SKU '{line.Sku}' (line {line.LineId}) is not mapped for {order.Channel}.");
                continue;
            }

            lines.Add(new PreparedLine(line.LineId, line.Sku, itemCode, line.Quantity, line.UnitPrice, line.Discount, line.Tax));
        }

        var site = order.FulfilledAtStore ?? options.Value.SiteFor(order.Channel);
        return new PreparedOrder(
            input.OrderKey, order.Channel, order.ChannelOrderId, order.Currency, site, order.FulfilledAtStore is not null,
            lines, order.Totals.Shipping, order.Totals.Total, problems, input.TraceParent);
    }

    /// <summary>Both first steps in one activity: reserving is idempotent (keyed by the order), so a retry repeats both safely.</summary>
    public async Task<PreparedReservation> PrepareAndReserveAsync(OrderToCashInput input, CancellationToken cancellationToken)
    {
        var order = await PrepareAsync(input, cancellationToken);
        return order.Problems.Count > 0 || order.FulfilledAtStore
            ? new PreparedReservation(order, null)
            : new PreparedReservation(order, await ReserveAsync(order, cancellationToken));
    }

    public async Task<ReservationResult> ReserveAsync(PreparedOrder order, CancellationToken cancellationToken)
    {
        var result = await reservations.ReserveAsync(
            new ReservationRequest(order.OrderKey, order.Channel, ReservationLines(order)),
            cancellationToken);
        if (result.Reserved)
        {
            await ledger.UpdateProgressAsync(order.Channel, order.ChannelOrderId, new OrderProgress(OrderStatus.Reserved), cancellationToken);
        }

        return result;
    }

    public async Task<string> PostToErpAsync(PreparedOrder order, CancellationToken cancellationToken)
    {
        var erpOrderId = await erp.CreateSalesOrderAsync(
            new ErpSalesOrder(
                order.OrderKey, order.Channel, order.ChannelOrderId, order.Currency,
                [.. order.Lines.Select(l => new ErpOrderLine(l.ItemCode, order.Site, l.Quantity, l.UnitPrice, l.Discount, l.Tax))],
                order.ShippingAmount, order.Total, order.FulfilledAtStore),
            order.OrderKey,
            cancellationToken);
        await ledger.UpdateProgressAsync(order.Channel, order.ChannelOrderId, new OrderProgress(OrderStatus.PostedToErp, ErpOrderId: erpOrderId),
            Announcement(order.OrderKey, RetailEventTypes.OrderPostedToErp, order.Channel, new { order.Channel, order.ChannelOrderId, erpOrderId, order.Total, order.Currency }), cancellationToken);
        LogPostedToErp(order.OrderKey, erpOrderId);
        return erpOrderId;
    }

    public async Task RequestFulfilmentAsync(PreparedOrder order, CancellationToken cancellationToken)
    {
        await wms.RequestFulfilmentAsync(
            new FulfilmentRequest(order.OrderKey, order.Channel, order.ChannelOrderId, order.Site, [.. order.Lines.Select(l => new FulfilmentLine(l.Sku, l.Quantity))]),
            order.OrderKey,
            cancellationToken);
        await ledger.UpdateProgressAsync(order.Channel, order.ChannelOrderId, new OrderProgress(OrderStatus.AwaitingShipment), cancellationToken);
    }

    public Task AcknowledgeAsync(PreparedOrder order, CancellationToken cancellationToken) =>
        ChannelFor(order.Channel).AcknowledgeAsync(order.ChannelOrderId, $"{order.OrderKey}-ack", cancellationToken);

    /// <summary>A sale at the counter left the store with the customer: the store's stock goes down at once, unreserved.</summary>
    public Task ConsumeCounterSaleAsync(PreparedOrder order, CancellationToken cancellationToken) =>
        reservations.ConsumeAsync(order.OrderKey, $"{order.OrderKey}-counter", ReservationLines(order), cancellationToken);

    /// <remarks>The shipment is added to the ledger last: a retry after any earlier step failed still sees it as new,
    /// so its event is published and the orchestrator still pushes its tracking.</remarks>
    public async Task<ShipmentProgress> RecordShipmentAsync(ShipmentStep step, CancellationToken cancellationToken)
    {
        var (order, shipment) = step;
        var before = (await ledger.FindAsync(order.Channel, order.ChannelOrderId, cancellationToken))?.Shipments ?? [];
        var isNew = before.All(s => s.ShipmentId != shipment.ShipmentId);
        await reservations.ConsumeAsync(
            order.OrderKey,
            shipment.ShipmentId,
            [.. shipment.Lines.Select(l => new ReservationLine(l.Sku, order.Site, l.Quantity))],
            cancellationToken);

        var allShipped = OrderShipping.IsFullyShipped(order.Lines, isNew ? [.. before, shipment] : before);
        var progress = new OrderProgress(allShipped ? OrderStatus.Shipped : OrderStatus.PartiallyShipped);
        if (isNew)
        {
            await ledger.UpdateProgressAsync(order.Channel, order.ChannelOrderId, progress,
                Announcement(order.OrderKey, RetailEventTypes.OrderShipped, order.Channel,
                    new { order.Channel, order.ChannelOrderId, shipment.ShipmentId, shipment.Carrier, shipment.TrackingNumber, shipment.Lines, allShipped }, shipment.ShipmentId),
                cancellationToken);
        }
        else
        {
            await ledger.UpdateProgressAsync(order.Channel, order.ChannelOrderId, progress, cancellationToken);
        }

        await ledger.AddShipmentAsync(order.Channel, order.ChannelOrderId, shipment, cancellationToken);
        return new ShipmentProgress(isNew, allShipped);
    }

    /// <summary>One tracking push per parcel, so the customer gets every tracking number of a multi-package shipment.</summary>
    public async Task PushTrackingAsync(ShipmentStep step, CancellationToken cancellationToken)
    {
        var (order, shipment) = step;
        var channel = ChannelFor(order.Channel);
        if (shipment.Packages is not { Count: > 1 } packages)
        {
            await channel.PushTrackingAsync(
                order.ChannelOrderId,
                Tracking(shipment.Carrier, shipment.TrackingNumber, shipment.TrackingUrl, shipment.ShippedAt, shipment.Lines),
                $"{order.OrderKey}-{shipment.ShipmentId}",
                cancellationToken);
            return;
        }

        foreach (var package in packages)
        {
            await channel.PushTrackingAsync(
                order.ChannelOrderId,
                Tracking(package.Carrier ?? shipment.Carrier, package.TrackingNumber, package.TrackingUrl, shipment.ShippedAt, package.Lines),
                $"{order.OrderKey}-{shipment.ShipmentId}-{package.PackageId}",
                cancellationToken);
        }
    }

    private static TrackingUpdate Tracking(string? carrier, string? trackingNumber, string? trackingUrl, DateTimeOffset shippedAt, IReadOnlyList<ShippedLine> lines) =>
        new(carrier ?? "unknown", trackingNumber ?? "", trackingUrl, shippedAt, [.. lines.Select(l => new FulfilmentLine(l.Sku, l.Quantity))]);

    public async Task<string> InvoiceAsync(InvoiceStep step, CancellationToken cancellationToken)
    {
        var order = step.Order;
        var invoiceId = await erp.PostInvoiceAsync(
            new ErpInvoice(step.ErpOrderId, order.OrderKey, order.Currency,
                [.. order.Lines.Select(l => new ErpInvoiceLine(l.ItemCode, l.Quantity, (l.UnitPrice * l.Quantity) - l.Discount + l.Tax))],
                order.Total),
            $"{order.OrderKey}-invoice",
            cancellationToken);
        await CompleteAsync(order, invoiceId, cancellationToken);
        return invoiceId;
    }

    /// <summary>Store sales need no shipment and no separate invoice: the ERP sales order was posted as paid.</summary>
    public Task CompleteAsync(PreparedOrder order, CancellationToken cancellationToken) => CompleteAsync(order, null, cancellationToken);

    public async Task CancelAsync(CancellationStep step, CancellationToken cancellationToken)
    {
        var order = step.Order;
        await reservations.ReleaseAsync(order.OrderKey, cancellationToken);
        if (step.ErpOrderId is not null)
        {
            await erp.CancelSalesOrderAsync(step.ErpOrderId, $"{order.OrderKey}-cancel", cancellationToken);
        }

        await ChannelFor(order.Channel).ConfirmCancellationAsync(order.ChannelOrderId, $"{order.OrderKey}-cancel", cancellationToken);
        await ledger.UpdateProgressAsync(order.Channel, order.ChannelOrderId, new OrderProgress(OrderStatus.Cancelled),
            Announcement(order.OrderKey, RetailEventTypes.OrderCancelled, order.Channel, new { order.Channel, order.ChannelOrderId, reason = step.Reason }), cancellationToken);
        LogCancelled(order.OrderKey, step.Reason);
    }

    public async Task FailAsync(FailureStep step, CancellationToken cancellationToken)
    {
        if (step.ReleaseReservation)
        {
            await reservations.ReleaseAsync(step.OrderKey, cancellationToken);
        }

        await ledger.UpdateProgressAsync(step.Channel, step.ChannelOrderId, new OrderProgress(OrderStatus.Failed, FailureReason: step.Reason),
            Announcement(step.OrderKey, RetailEventTypes.OrderFailed, step.Channel, new { step.Channel, step.ChannelOrderId, step.Reason }), cancellationToken);
        LogFailed(step.OrderKey, step.Reason);
    }

    /// <summary>Keeps a note for operators on the order without changing its status (overdue shipment, refused cancellation).</summary>
    public Task FlagAsync(ProgressStep step, CancellationToken cancellationToken) =>
        ledger.UpdateProgressAsync(step.Channel, step.ChannelOrderId, step.Progress, cancellationToken);

    private async Task CompleteAsync(PreparedOrder order, string? invoiceId, CancellationToken cancellationToken)
    {
        await ledger.UpdateProgressAsync(order.Channel, order.ChannelOrderId, new OrderProgress(OrderStatus.Completed),
            Announcement(order.OrderKey, RetailEventTypes.OrderCompleted, order.Channel, new { order.Channel, order.ChannelOrderId, invoiceId, order.Total, order.Currency }), cancellationToken);
        LogCompleted(order.OrderKey);
    }

    /// <summary>The event a ledger step commits with it (transactional outbox); its id is the same on every repeat of the step.</summary>
    /// <param name="occurrence">Tells apart events of one type that an order has several of (one per shipment).</param>
    private RetailEvent Announcement(string orderKey, string eventType, string channel, object data, string? occurrence = null) =>
        new(
            occurrence is null ? $"{orderKey}:{eventType}" : $"{orderKey}:{eventType}:{occurrence}",
            eventType, orderKey, channel, time.GetUtcNow(), JsonSerializer.SerializeToElement(data, JsonSerializerOptions.Web));

    private IChannelOrderApi ChannelFor(string channel) =>
        _channels.TryGetValue(channel, out var api) ? api : throw new InvalidOperationException($"No order API is configured for channel '{channel}'.");

    private static List<ReservationLine> ReservationLines(PreparedOrder order) =>
        [.. order.Lines.GroupBy(l => l.Sku).Select(g => new ReservationLine(g.Key, order.Site, g.Sum(l => l.Quantity)))];

    [LoggerMessage(Level = LogLevel.Information, Message = "Order {OrderKey} posted to the ERP as {ErpOrderId}")]
    private partial void LogPostedToErp(string orderKey, string erpOrderId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Order {OrderKey} completed")]
    private partial void LogCompleted(string orderKey);

    [LoggerMessage(Level = LogLevel.Information, Message = "Order {OrderKey} cancelled: {Reason}")]
    private partial void LogCancelled(string orderKey, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Order {OrderKey} failed: {Reason}")]
    private partial void LogFailed(string orderKey, string reason);
}
