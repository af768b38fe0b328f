using RetailFunctions.Core.Orders;
using RetailFunctions.Core.Returns;
using RetailFunctions.Core.Tests.Fakes;

namespace RetailFunctions.Core.Tests.Returns;

public sealed class ReturnPolicyTests
{
    private static readonly TimeSpan Window = TimeSpan.FromDays(30);
    private static readonly DateTimeOffset ShippedAt = TestOrders.PlacedAt.AddDays(1);

    private static OrderRecord Order(OrderStatus status, IReadOnlyList<OrderShipment> shipments, params OrderReturn[] returns)
    {
        var order = TestOrders.Order();
        return new OrderRecord(order.Channel, order.ChannelOrderId, order.OrderNumber, status, order.Currency, order.Lines, order.Totals, "SO-000001",
            shipments, null, order.PlacedAt, order.UpdatedAt, null, order.PlacedAt, Returns: returns);
    }

    private static OrderRecord Shipped(params OrderReturn[] returns) =>
        Order(OrderStatus.Completed, [TestOrders.Shipment("S1", ShippedAt, new ShippedLine("SKU-1042", 2), new ShippedLine("SKU-3105", 1))], returns);

    private static ReturnRequest Request(int days, params (string Sku, int Quantity)[] lines) =>
        new("pos", "STORE-001-R01-000733", new ReturnOrderReference("shopify", "5551234567890"),
            [.. lines.Select(l => new ReturnLine(l.Sku, l.Quantity, ReturnDisposition.Restock))], ShippedAt.AddDays(days), "STORE-001", false);

    [Fact]
    public void Refusal_shippedQuantityWithinTheWindow_null() =>
        Assert.Null(ReturnPolicy.Refusal(Shipped(), Request(29, ("SKU-1042", 2), ("SKU-3105", 1)), Window));

    [Fact]
    public void Refusal_afterTheWindow_namesTheWindow()
    {
        // Act
        var reason = ReturnPolicy.Refusal(Shipped(), Request(31, ("SKU-1042", 1)), Window);

        // Assert
        Assert.Contains("return window of 30 days", reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Refusal_moreThanShipped_namesTheSkuAndQuantities()
    {
        // Act
        var reason = ReturnPolicy.Refusal(Shipped(), Request(2, ("SKU-1042", 3)), Window);

        // Assert
        Assert.Equal("3 × SKU-1042 cannot be returned against the shopify order 5551234567890: 2 shipped, 0 already returned.", reason);
    }

    [Fact]
    public void Refusal_moreThanShippedMinusAlreadyReturned_refused()
    {
        // Arrange
        var earlier = new OrderReturn("return-shopify-1", [new ReturnedLine("SKU-1042", 1)], ShippedAt.AddDays(3));

        // Act
        var reason = ReturnPolicy.Refusal(Shipped(earlier), Request(5, ("SKU-1042", 2)), Window);

        // Assert
        Assert.Contains("2 shipped, 1 already returned", reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Refusal_sameReturnAcceptedBefore_doesNotCountItself()
    {
        // Arrange
        var itself = new OrderReturn("return-pos-STORE-001-R01-000733", [new ReturnedLine("SKU-1042", 2)], ShippedAt.AddDays(3));

        // Act
        var reason = ReturnPolicy.Refusal(Shipped(itself), Request(5, ("SKU-1042", 2)), Window);

        // Assert
        Assert.Null(reason);
    }

    [Fact]
    public void Refusal_onlyPartOfTheOrderShipped_limitsToWhatShipped()
    {
        // Arrange
        var partial = Order(OrderStatus.PartiallyShipped, [TestOrders.Shipment("S1", ShippedAt, new ShippedLine("SKU-1042", 1))]);

        // Act
        var reason = ReturnPolicy.Refusal(partial, Request(2, ("SKU-3105", 1)), Window);

        // Assert
        Assert.Contains("0 shipped", reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Refusal_orderNotShipped_namesTheStatus()
    {
        // Act
        var reason = ReturnPolicy.Refusal(Order(OrderStatus.AwaitingShipment, []), Request(1, ("SKU-1042", 1)), Window);

        // Assert
        Assert.Contains("is AwaitingShipment", reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Refusal_counterSaleWithoutShipments_allowsWhatWasSold()
    {
        // Arrange
        var counterSale = Order(OrderStatus.Completed, []);

        // Act
        var reason = ReturnPolicy.Refusal(counterSale, Request(1, ("SKU-1042", 2), ("SKU-3105", 1)), Window);

        // Assert
        Assert.Null(reason);
    }
}
