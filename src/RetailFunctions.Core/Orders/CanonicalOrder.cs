namespace RetailFunctions.Core.Orders;

/// <param name="FulfilledAtStore">
/// The store whose counter took payment and handed the goods over (POS sales). Such an order needs no reservation,
/// shipment or WMS request; null for every order that still has to be fulfilled.
/// </param>
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
    DateTimeOffset? CancelledAt,
    string? FulfilledAtStore = null);
