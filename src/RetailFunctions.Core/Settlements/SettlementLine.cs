namespace RetailFunctions.Core.Settlements;

/// <summary>One amount of a settlement, in the settlement's currency; negative amounts are charged to the seller.</summary>
/// <param name="OrderId">The channel's order reference as the file gives it; null for rows that belong to no order.</param>
/// <param name="ShipmentId">A channel shipment reference, e.g. an FBA inbound shipment id found where the order id would be.</param>
/// <param name="RawType">The channel's own type of the amount, e.g. <c>ItemFees/Commission</c>, kept for reports and GL mapping.</param>
public sealed record SettlementLine(
    string SettlementId,
    string? OrderId,
    string? ShipmentId,
    SettlementKind Kind,
    decimal Amount,
    string Currency,
    DateTimeOffset PostedAt,
    string RawType,
    string? Sku,
    int? Quantity);
