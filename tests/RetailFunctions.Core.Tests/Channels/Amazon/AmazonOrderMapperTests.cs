using RetailFunctions.Core.Channels.Amazon;
using RetailFunctions.Core.Orders;
using RetailFunctions.Core.Tests.Samples;

namespace RetailFunctions.Core.Tests.Channels.Amazon;

public sealed class AmazonOrderMapperTests
{
    private static readonly byte[] Order = SampleFiles.Amazon("get-order.json");
    private static readonly byte[] Items = SampleFiles.Amazon("get-order-items.json");

    [Fact]
    public void Map_unshippedSample_mapsOrderHeader()
    {
        // Act
        var order = AmazonOrderMapper.Map(Order, Items);

        // Assert
        Assert.Equal("amazon", order.Channel);
        Assert.Equal("113-4728391-5502617", order.ChannelOrderId);
        Assert.Equal("113-4728391-5502617", order.OrderNumber);
        Assert.Equal("USD", order.Currency);
        Assert.Equal(new DateTimeOffset(2025, 3, 14, 16, 2, 11, TimeSpan.Zero), order.PlacedAt);
        Assert.Equal(new DateTimeOffset(2025, 3, 14, 16, 35, 40, TimeSpan.Zero), order.UpdatedAt);
        Assert.Equal("authorized", order.FinancialStatus);
        Assert.Null(order.CancelledAt);
        Assert.Null(order.FulfilledAtStore);
    }

    [Fact]
    public void Map_unshippedSample_mapsLinesWithUnitPriceDiscountAndNetTax()
    {
        // Act
        var lines = AmazonOrderMapper.Map(Order, Items).Lines;

        // Assert
        Assert.Equal(
            [
                new OrderLine("51834712908434", "SKU-1042", 2, 49.00m, 9.80m, 7.28m, "Merino Crew Sweater"),
                new OrderLine("51834712908435", "SKU-2310", 1, 24.50m, 0m, 2.02m, "Waxed Canvas Tote"),
            ],
            lines);
    }

    [Fact]
    public void Map_unshippedSample_mapsShippingAndTotals()
    {
        // Act
        var order = AmazonOrderMapper.Map(Order, Items);

        // Assert
        Assert.Equal(new ShippingCharge(7.99m, 2.00m, 0.49m, "Std US D2D Dom"), order.Shipping);
        Assert.Equal(new OrderTotals(112.70m, 11.80m, 9.79m, 7.99m, 128.48m), order.Totals);
    }

    [Fact]
    public void Map_shippedOrder_isPaid()
    {
        // Arrange
        var order = JsonEdit.Load(Order).With("payload.OrderStatus", "\"Shipped\"").ToUtf8();

        // Act
        var mapped = AmazonOrderMapper.Map(order, Items);

        // Assert
        Assert.Equal("paid", mapped.FinancialStatus);
    }

    [Fact]
    public void Map_withoutOrderTotal_computesTotalFromItems()
    {
        // Arrange
        var order = JsonEdit.Load(Order).With("payload.OrderTotal", null).ToUtf8();

        // Act
        var totals = AmazonOrderMapper.Map(order, Items).Totals;

        // Assert
        Assert.Equal(128.48m, totals.Total);
    }

    [Fact]
    public void Map_unshippedSample_mapsBuyerAndShippingAddress()
    {
        // Act
        var order = AmazonOrderMapper.Map(Order, Items);

        // Assert
        Assert.Equal(new Customer("Jordan Sample", "k3x9q7example@marketplace.amazon.com", null), order.Customer);
        Assert.Equal(
            new PostalAddress("Jordan Sample", "456 Placeholder Avenue", "Suite 12", "Brooklyn", "NY", "11201", "US", "+1 555-555-0188"),
            order.ShippingAddress);
    }

    [Fact]
    public void Map_lineTotalNotDivisibleByQuantity_keepsSubtotalExact()
    {
        // Arrange
        var items = JsonEdit.Load(Items)
            .With("payload.OrderItems[1].QuantityOrdered", "3")
            .With("payload.OrderItems[1].ItemPrice.Amount", "\"10.00\"")
            .ToUtf8();

        // Act
        var order = AmazonOrderMapper.Map(Order, items);

        // Assert
        Assert.Equal(3.3333m, order.Lines[1].UnitPrice);
        Assert.Equal(98.00m + 10.00m - 9.80m, order.Totals.Subtotal);
    }

    [Fact]
    public void Map_canceledOrderWithoutPrices_mapsCancellation()
    {
        // Arrange
        var order = SampleFiles.Amazon("get-order-canceled.json");
        var items = SampleFiles.Amazon("get-order-items-canceled.json");

        // Act
        var mapped = AmazonOrderMapper.Map(order, items);

        // Assert
        Assert.Equal(new DateTimeOffset(2025, 3, 13, 22, 10, 31, TimeSpan.Zero), mapped.CancelledAt);
        Assert.Equal("voided", mapped.FinancialStatus);
        Assert.Equal([new OrderLine("60211983355218", "SKU-1042", 1, 0m, 0m, 0m, "Merino Crew Sweater")], mapped.Lines);
        Assert.Equal(0m, mapped.Totals.Total);
        Assert.Null(mapped.ShippingAddress);
    }

    [Theory]
    [InlineData("\"true\"")]
    [InlineData("true")]
    public void Map_buyerRequestedCancelOnAnItem_setsCancelledAt(string flag)
    {
        // Arrange
        var items = JsonEdit.Load(Items).With("payload.OrderItems[1].BuyerRequestedCancel.IsBuyerRequestedCancel", flag).ToUtf8();

        // Act
        var order = AmazonOrderMapper.Map(Order, items);

        // Assert
        Assert.Equal(new DateTimeOffset(2025, 3, 14, 16, 35, 40, TimeSpan.Zero), order.CancelledAt);
    }

    [Theory]
    [InlineData("IsBuyerRequestedCancellation")]
    [InlineData("IsBuyerRequestedCancel")]
    public void Map_buyerRequestedCancelOnTheOrder_setsCancelledAt(string field)
    {
        // Arrange
        var order = JsonEdit.Load(Order).With($"payload.{field}", "true").ToUtf8();

        // Act
        var mapped = AmazonOrderMapper.Map(order, Items);

        // Assert
        Assert.NotNull(mapped.CancelledAt);
    }

    [Theory]
    [InlineData("payload.AmazonOrderId", "payload.AmazonOrderId")]
    [InlineData("payload.OrderStatus", "payload.OrderStatus")]
    [InlineData("payload.PurchaseDate", "payload.PurchaseDate")]
    [InlineData("payload", "payload")]
    public void Map_orderFieldMissing_throwsNamingTheField(string path, string expectedField)
    {
        // Arrange
        var order = JsonEdit.Load(Order).With(path, null).ToUtf8();

        // Act
        var exception = Assert.Throws<OrderMappingException>(() => AmazonOrderMapper.Map(order, Items));

        // Assert
        Assert.Equal(expectedField, exception.Field);
    }

    [Theory]
    [InlineData("payload.OrderItems", null, "payload.OrderItems")]
    [InlineData("payload.OrderItems", "[]", "payload.OrderItems")]
    [InlineData("payload.OrderItems[1].SellerSKU", null, "payload.OrderItems[1].SellerSKU")]
    [InlineData("payload.OrderItems[1].OrderItemId", null, "payload.OrderItems[1].OrderItemId")]
    [InlineData("payload.OrderItems[1].QuantityOrdered", "0", "payload.OrderItems[1].QuantityOrdered")]
    [InlineData("payload.OrderItems[1].ItemPrice", null, "payload.OrderItems[1].ItemPrice")]
    [InlineData("payload.OrderItems[1].ItemPrice.Amount", "\"24,50\"", "payload.OrderItems[1].ItemPrice.Amount")]
    [InlineData("payload.OrderItems[1].ItemTax.CurrencyCode", "\"CAD\"", "payload.OrderItems[1].ItemTax.CurrencyCode")]
    [InlineData("payload.OrderItems[0].PromotionDiscount.Amount", "\"-9.80\"", "payload.OrderItems[0].PromotionDiscount.Amount")]
    [InlineData("payload.AmazonOrderId", "\"113-0000000-0000000\"", "payload.AmazonOrderId")]
    [InlineData("payload.NextToken", "\"MRgZW55IGNhcm5hbCBwbGVhc3VyZS4=\"", "payload.NextToken")]
    public void Map_itemsFieldInvalid_throwsNamingTheField(string path, string? rawJson, string expectedField)
    {
        // Arrange
        var items = JsonEdit.Load(Items).With(path, rawJson).ToUtf8();

        // Act
        var exception = Assert.Throws<OrderMappingException>(() => AmazonOrderMapper.Map(Order, items));

        // Assert
        Assert.Equal(expectedField, exception.Field);
    }

    [Theory]
    [InlineData("payload.OrderStatus", "\"Lost\"", "payload.OrderStatus")]
    [InlineData("payload.OrderTotal.CurrencyCode", "\"dollars\"", "payload.OrderTotal.CurrencyCode")]
    [InlineData("payload.PurchaseDate", "\"last Friday\"", "payload.PurchaseDate")]
    [InlineData("payload.ShippingAddress", "\"456 Placeholder Avenue\"", "payload.ShippingAddress")]
    public void Map_orderFieldInvalid_throwsNamingTheField(string path, string rawJson, string expectedField)
    {
        // Arrange
        var order = JsonEdit.Load(Order).With(path, rawJson).ToUtf8();

        // Act
        var exception = Assert.Throws<OrderMappingException>(() => AmazonOrderMapper.Map(order, Items));

        // Assert
        Assert.Equal(expectedField, exception.Field);
    }

    [Fact]
    public void Map_orderMappingFails_messageCarriesNoPersonalData()
    {
        // Arrange
        var order = JsonEdit.Load(Order).With("payload.ShippingAddress", "\"Jordan Sample, 456 Placeholder Avenue\"").ToUtf8();

        // Act
        var exception = Assert.Throws<OrderMappingException>(() => AmazonOrderMapper.Map(order, Items));

        // Assert
        Assert.DoesNotContain("Jordan", exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Pending", true)]
    [InlineData("Unshipped", false)]
    public void IsPending_orderStatus_reportsPending(string status, bool expected)
    {
        // Arrange
        var order = JsonEdit.Load(Order).With("payload.OrderStatus", $"\"{status}\"").ToUtf8();

        // Act
        var pending = AmazonOrderMapper.IsPending(order);

        // Assert
        Assert.Equal(expected, pending);
    }
}
