namespace RetailFunctions.Core.Orders;

public sealed record CanonicalOrder(
    string Channel,
    string ChannelOrderId,
    string? OrderNumber,
    string Currency,
    IReadOnlyList<OrderLine> Lines,
    ShippingCharge Shipping,
    OrderTotals Totals,
    Customer? Customer,
    PostalAddress? ShippingAddress,
    DateTimeOffset PlacedAt,
    DateTimeOffset? UpdatedAt,
    string? FinancialStatus,
    DateTimeOffset? CancelledAt);
