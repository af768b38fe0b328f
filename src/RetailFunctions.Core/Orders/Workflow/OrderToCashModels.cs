using RetailFunctions.Core.Inventory;
using RetailFunctions.Core.Orders;

namespace RetailFunctions.Core.Orders.Workflow;

/// <param name="ShipmentTimeout">After this the order is flagged to operators (it keeps waiting); carried in the input
/// because the orchestrator must not read configuration.</param>
/// <param name="ErpOutageTolerance">How long ERP postings are retried through an outage (<see cref="OrderToCashOptions.ErpOutageTolerance"/>);
/// null in inputs written before it existed.</param>
/// <param name="ErpRetryMaxInterval">The longest wait between two ERP retries.</param>
/// <param name="TraceParent">The trace of the channel event that started the order, continued by every activity.</param>
/// <param name="ReserveInPrepare">Prepare and reserve in one activity (one orchestration episode fewer before the
/// ERP). False in inputs written before it existed: their histories replay the two activities they recorded.</param>
public sealed record OrderToCashInput(
    string Channel,
    string ChannelOrderId,
    TimeSpan ShipmentTimeout,
    TimeSpan? ErpOutageTolerance = null,
    TimeSpan? ErpRetryMaxInterval = null,
    string? TraceParent = null,
    bool ReserveInPrepare = false)
{
    public static OrderToCashInput For(string channel, string channelOrderId, OrderToCashOptions options, string? traceParent = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new(channel, channelOrderId, options.ShipmentTimeout, options.ErpOutageTolerance, options.ErpRetryMaxInterval, traceParent, ReserveInPrepare: true);
    }

    public string OrderKey => OrderKeys.For(Channel, ChannelOrderId);
}

/// <summary>The order as the workflow carries it: mapped to ERP items and a fulfilment site. No personal data.</summary>
/// <param name="Problems">Why the order cannot go on (unknown SKU, currency); empty when it can.</param>
public sealed record PreparedOrder(
    string OrderKey,
    string Channel,
    string ChannelOrderId,
    string Currency,
    string Site,
    bool FulfilledAtStore,
    IReadOnlyList<PreparedLine> Lines,
    decimal ShippingAmount,
    decimal Total,
    IReadOnlyList<string> Problems,
    string? TraceParent = null);

/// <param name="Reservation">Null when nothing was reserved: the order has problems, or was sold at the counter.</param>
public sealed record PreparedReservation(PreparedOrder Order, ReservationResult? Reservation);

public sealed record PreparedLine(string LineId, string Sku, string ItemCode, int Quantity, decimal UnitPrice, decimal Discount, decimal Tax);

public sealed record ShipmentStep(PreparedOrder Order, OrderShipment Shipment);

/// <param name="IsNew">False when the same shipment was already recorded (a duplicate callback).</param>
public sealed record ShipmentProgress(bool IsNew, bool AllShipped);

public sealed record CancellationStep(PreparedOrder Order, string? ErpOrderId, string Reason);

public sealed record FailureStep(string Channel, string ChannelOrderId, string OrderKey, string Reason, bool ReleaseReservation);

public sealed record ProgressStep(string Channel, string ChannelOrderId, OrderProgress Progress, string? EventType = null);

public sealed record InvoiceStep(PreparedOrder Order, string ErpOrderId);
