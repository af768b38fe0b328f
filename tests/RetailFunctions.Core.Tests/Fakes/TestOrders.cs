using RetailFunctions.Core.Orders;

namespace RetailFunctions.Core.Tests.Fakes;

/// <summary>Canonical orders for tests: two sweaters (49.00, 9.80 off, 7.06 tax) and a beanie (12.00, 0.96 tax).</summary>
internal static class TestOrders
{
    public static readonly DateTimeOffset PlacedAt = new(2025, 3, 14, 15, 0, 0, TimeSpan.Zero);

    public static CanonicalOrder Order(string channel = "shopify", string channelOrderId = "5551234567890", string? fulfilledAtStore = null) =>
        new(
            channel,
            channelOrderId,
            "#1042",
            "USD",
            [
                new OrderLine("1", "SKU-1042", 2, 49.00m, 9.80m, 7.06m, "Merino Crew Sweater"),
                new OrderLine("2", "SKU-3105", 1, 12.00m, 0m, 0.96m, "Cotton Beanie"),
            ],
            ShippingCharge.None,
            new OrderTotals(100.20m, 9.80m, 8.02m, 0m, 108.22m),
            null,
            null,
            PlacedAt,
            PlacedAt,
            "paid",
            null,
            fulfilledAtStore);

    public static OrderShipment Shipment(string shipmentId, DateTimeOffset shippedAt, params ShippedLine[] lines) =>
        new(shipmentId, "UPS", $"1Z{shipmentId}", shippedAt, lines);
}
