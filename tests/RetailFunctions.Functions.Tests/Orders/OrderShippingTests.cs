using RetailFunctions.Core.Orders;
using RetailFunctions.Core.Orders.Workflow;

namespace RetailFunctions.Functions.Tests.Orders;

public sealed class OrderShippingTests
{
    private static readonly DateTimeOffset ShippedAt = new(2026, 3, 3, 15, 0, 0, TimeSpan.Zero);

    [Fact]
    public void IsFullyShipped_everyQuantityAcrossTwoShipments_isTrue()
    {
        IReadOnlyList<PreparedLine> lines = [Line("1", "TEE-M", 2), Line("2", "CAP", 1)];
        IReadOnlyList<OrderShipment> shipments = [Shipment("S1", ("TEE-M", 1)), Shipment("S2", ("TEE-M", 1), ("CAP", 1))];

        var result = OrderShipping.IsFullyShipped(lines, shipments);

        Assert.True(result);
    }

    [Fact]
    public void IsFullyShipped_oneUnitStillMissing_isFalse()
    {
        IReadOnlyList<PreparedLine> lines = [Line("1", "TEE-M", 2), Line("2", "CAP", 1)];
        IReadOnlyList<OrderShipment> shipments = [Shipment("S1", ("TEE-M", 1), ("CAP", 1))];

        var result = OrderShipping.IsFullyShipped(lines, shipments);

        Assert.False(result);
    }

    [Fact]
    public void IsFullyShipped_sameSkuOnTwoLines_needsTheirSum()
    {
        IReadOnlyList<PreparedLine> lines = [Line("1", "TEE-M", 2), Line("2", "TEE-M", 3)];

        var partly = OrderShipping.IsFullyShipped(lines, [Shipment("S1", ("TEE-M", 3))]);
        var fully = OrderShipping.IsFullyShipped(lines, [Shipment("S1", ("TEE-M", 3)), Shipment("S2", ("TEE-M", 2))]);

        Assert.False(partly);
        Assert.True(fully);
    }

    [Fact]
    public void IsFullyShipped_noShipments_isFalse()
    {
        IReadOnlyList<PreparedLine> lines = [Line("1", "TEE-M", 1)];

        var result = OrderShipping.IsFullyShipped(lines, []);

        Assert.False(result);
    }

    [Fact]
    public void IsFullyShipped_otherSkuShipped_doesNotCount()
    {
        IReadOnlyList<PreparedLine> lines = [Line("1", "TEE-M", 1)];

        var result = OrderShipping.IsFullyShipped(lines, [Shipment("S1", ("TEE-L", 1))]);

        Assert.False(result);
    }

    private static PreparedLine Line(string lineId, string sku, int quantity) => new(lineId, sku, $"ITEM-{sku}", quantity, 10m, 0m, 1m);

    private static OrderShipment Shipment(string shipmentId, params (string Sku, int Quantity)[] lines) =>
        new(shipmentId, "UPS", $"1Z{shipmentId}", ShippedAt, [.. lines.Select(l => new ShippedLine(l.Sku, l.Quantity))]);
}
