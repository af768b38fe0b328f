namespace RetailFunctions.Core.Orders;

public sealed record OrderShipment(
    string ShipmentId,
    string? Carrier,
    string? TrackingNumber,
    DateTimeOffset ShippedAt,
    IReadOnlyList<ShippedLine> Lines);

public sealed record ShippedLine(string Sku, int Quantity);
