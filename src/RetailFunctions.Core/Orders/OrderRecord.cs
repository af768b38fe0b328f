using RetailFunctions.Core.Shipments;

namespace RetailFunctions.Core.Orders;

/// <summary>An order as the ledger holds it: the canonical lines and totals plus where the fabric has taken it.</summary>
/// <param name="Tracking">The carriers' latest status per tracking number, including numbers no shipment names yet
/// (a carrier's scan can arrive before the warehouse's shipment callback).</param>
/// <param name="Returns">Returns accepted against the order.</param>
public sealed record OrderRecord(
    string Channel,
    string ChannelOrderId,
    string? OrderNumber,
    OrderStatus Status,
    string? Currency,
    IReadOnlyList<OrderLine> Lines,
    OrderTotals? Totals,
    string? ErpOrderId,
    IReadOnlyList<OrderShipment> Shipments,
    string? FailureReason,
    DateTimeOffset? PlacedAt,
    DateTimeOffset? UpdatedAt,
    DateTimeOffset? CancelledAt,
    DateTimeOffset RecordedAt,
    string? Alert = null,
    IReadOnlyList<TrackingEvent>? Tracking = null,
    IReadOnlyList<OrderReturn>? Returns = null);
