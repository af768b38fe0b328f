namespace RetailFunctions.Core.Orders;

/// <summary>An order as the ledger holds it: the canonical lines and totals plus where the fabric has taken it.</summary>
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
    string? Alert = null);
