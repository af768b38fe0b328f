using RetailFunctions.Core.Channels.Walmart;
using RetailFunctions.Core.Orders;
using RetailFunctions.Core.Tests.Samples;

namespace RetailFunctions.Core.Tests.Channels.Walmart;

public sealed class WalmartOrderMapperTests
{
    private static readonly byte[] PoCreated = SampleFiles.Walmart("po-created.json");
    private static readonly byte[] AutoCancelled = SampleFiles.Walmart("po-line-autocancelled.json");

    [Fact]
    public void Map_poCreatedSample_mapsOrderHeader()
    {
        // Act
        var order = WalmartOrderMapper.Map(PoCreated);

        // Assert
        Assert.Equal("walmart", order.Channel);
        Assert.Equal("1829467105523", order.ChannelOrderId);
        Assert.Equal("200012876543210", order.OrderNumber);
        Assert.Equal("USD", order.Currency);
        Assert.Equal(new DateTimeOffset(2025, 3, 14, 17, 18, 42, TimeSpan.Zero), order.PlacedAt);
        Assert.Equal(new DateTimeOffset(2025, 3, 14, 17, 19, 3, TimeSpan.Zero), order.UpdatedAt);
        Assert.Equal("authorized", order.FinancialStatus);
        Assert.Null(order.CancelledAt);
    }

    [Fact]
    public void Map_poCreatedSample_mapsLinesWithDiscountAndNetTax()
    {
        // Act
        var lines = WalmartOrderMapper.Map(PoCreated).Lines;

        // Assert
        Assert.Equal(
            [
                new OrderLine("1", "SKU-1042", 1, 49.00m, 0m, 4.41m, "Merino Crew Sweater"),
                new OrderLine("2", "SKU-2310", 2, 24.50m, 4.90m, 3.97m, "Waxed Canvas Tote"),
            ],
            lines);
    }

    [Fact]
    public void Map_poCreatedSample_mapsShippingAndTotals()
    {
        // Act
        var order = WalmartOrderMapper.Map(PoCreated);

        // Assert
        Assert.Equal(new ShippingCharge(5.99m, 0m, 0.54m, "Value"), order.Shipping);
        Assert.Equal(new OrderTotals(93.10m, 4.90m, 8.92m, 5.99m, 108.01m), order.Totals);
    }

    [Fact]
    public void Map_poCreatedSample_mapsCustomerAndAddressWithAlpha2Country()
    {
        // Act
        var order = WalmartOrderMapper.Map(PoCreated);

        // Assert
        Assert.Equal(new Customer("Riley Placeholder", "8C1D4E7A2B9F4C6D8E0A1B2C3D4E5F60@relay.walmart.com", "5555550142"), order.Customer);
        Assert.Equal(
            new PostalAddress("Riley Placeholder", "789 Example Road", "Apt 3", "Bentonville", "AR", "72712", "US", "5555550142"),
            order.ShippingAddress);
    }

    [Fact]
    public void Map_everyLineCancelled_mapsCancellation()
    {
        // Arrange
        var body = JsonEdit.Load(PoCreated)
            .With("payload.orderLines.orderLine[0].orderLineStatuses.orderLineStatus[0].status", "\"Cancelled\"")
            .With("payload.orderLines.orderLine[1].orderLineStatuses.orderLineStatus[0].status", "\"Cancelled\"")
            .With("payload.orderLines.orderLine[1].statusDate", "1742623214000")
            .ToUtf8();

        // Act
        var order = WalmartOrderMapper.Map(body);

        // Assert
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1742623214000), order.CancelledAt);
        Assert.Equal("voided", order.FinancialStatus);
    }

    [Fact]
    public void Map_someLinesCancelled_isNotACancelledOrder()
    {
        // Arrange
        var body = JsonEdit.Load(PoCreated)
            .With("payload.orderLines.orderLine[1].orderLineStatuses.orderLineStatus[0].status", "\"Cancelled\"")
            .ToUtf8();

        // Act
        var order = WalmartOrderMapper.Map(body);

        // Assert
        Assert.Null(order.CancelledAt);
    }

    [Fact]
    public void Map_orderDateAsIsoString_isAccepted()
    {
        // Arrange
        var body = JsonEdit.Load(PoCreated).With("payload.orderDate", "\"2025-03-14T17:18:42.000Z\"").ToUtf8();

        // Act
        var order = WalmartOrderMapper.Map(body);

        // Assert
        Assert.Equal(new DateTimeOffset(2025, 3, 14, 17, 18, 42, TimeSpan.Zero), order.PlacedAt);
    }

    [Theory]
    [InlineData("payload", null, "payload")]
    [InlineData("payload.purchaseOrderId", null, "payload.purchaseOrderId")]
    [InlineData("payload.orderDate", null, "payload.orderDate")]
    [InlineData("payload.orderDate", "\"soon\"", "payload.orderDate")]
    [InlineData("payload.orderLines", null, "payload.orderLines")]
    [InlineData("payload.orderLines.orderLine", "[]", "payload.orderLines.orderLine")]
    [InlineData("payload.orderLines.orderLine[1].item.sku", null, "payload.orderLines.orderLine[1].item.sku")]
    [InlineData("payload.orderLines.orderLine[1].lineNumber", null, "payload.orderLines.orderLine[1].lineNumber")]
    [InlineData("payload.orderLines.orderLine[1].orderLineQuantity.amount", "\"two\"", "payload.orderLines.orderLine[1].orderLineQuantity.amount")]
    [InlineData("payload.orderLines.orderLine[1].orderLineQuantity.amount", "\"0\"", "payload.orderLines.orderLine[1].orderLineQuantity.amount")]
    [InlineData("payload.orderLines.orderLine[1].charges.charge[0].chargeType", "\"FEE\"", "payload.orderLines.orderLine[1].charges.charge[0].chargeType")]
    [InlineData("payload.orderLines.orderLine[1].charges.charge[0].chargeAmount.amount", "\"4,90\"", "payload.orderLines.orderLine[1].charges.charge[0].chargeAmount.amount")]
    [InlineData("payload.orderLines.orderLine[1].charges.charge[0].chargeAmount.currency", "\"CAD\"", "payload.orderLines.orderLine[1].charges.charge[0].chargeAmount.currency")]
    [InlineData("payload.orderLines.orderLine[1].charges.charge[0]", null, "payload.orderLines.orderLine[1].charges")]
    public void Map_invalidField_throwsNamingTheField(string path, string? rawJson, string expectedField)
    {
        // Arrange
        var body = JsonEdit.Load(PoCreated).With(path, rawJson).ToUtf8();

        // Act
        var exception = Assert.Throws<OrderMappingException>(() => WalmartOrderMapper.Map(body));

        // Assert
        Assert.Equal(expectedField, exception.Field);
    }

    [Fact]
    public void MapCancellation_autoCancelledSample_namesTheCancelledLines()
    {
        // Act
        var cancellation = WalmartOrderMapper.MapCancellation(AutoCancelled);

        // Assert
        Assert.Equal("walmart", cancellation.Channel);
        Assert.Equal("1829467105523", cancellation.ChannelOrderId);
        Assert.Equal(["2"], cancellation.LineIds!);
        Assert.False(cancellation.IsWholeOrder);
        Assert.Equal("Auto-cancelled: not shipped by estimated ship date plus four days", cancellation.Reason);
        Assert.Equal(new DateTimeOffset(2025, 3, 22, 6, 0, 14, TimeSpan.Zero), cancellation.CancelledAt);
    }

    [Fact]
    public void MapCancellation_lineStillLiveInTheEvent_isLeftOut()
    {
        // Arrange
        var body = JsonEdit.Load(AutoCancelled)
            .With("payload.orderLines", """
                [
                  {"lineNumber":"1","sku":"SKU-1042","status":"ACKNOWLEDGED","statusDate":"2025-03-15T09:12:00.000Z"},
                  {"lineNumber":"2","sku":"SKU-2310","status":"CANCELLED","statusDate":"2025-03-22T06:00:14.000Z"}
                ]
                """)
            .ToUtf8();

        // Act
        var cancellation = WalmartOrderMapper.MapCancellation(body);

        // Assert
        Assert.Equal(["2"], cancellation.LineIds!);
    }

    [Fact]
    public void MapCancellation_ordersApiShape_isAccepted()
    {
        // Arrange
        var body = JsonEdit.Load(PoCreated)
            .With("source.eventType", "\"PO_LINE_AUTOCANCELLED\"")
            .With("payload.orderLines.orderLine[0].orderLineStatuses.orderLineStatus[0].status", "\"Cancelled\"")
            .With("payload.orderLines.orderLine[0].orderLineStatuses.orderLineStatus[0].cancellationReason", "\"SELLER_CANCEL\"")
            .ToUtf8();

        // Act
        var cancellation = WalmartOrderMapper.MapCancellation(body);

        // Assert
        Assert.Equal(["1"], cancellation.LineIds!);
        Assert.Equal("SELLER_CANCEL", cancellation.Reason);
    }

    [Theory]
    [InlineData("payload.purchaseOrderId", null, "payload.purchaseOrderId")]
    [InlineData("payload.orderLines", null, "payload.orderLines")]
    [InlineData("payload.orderLines[0].lineNumber", null, "payload.orderLines[0].lineNumber")]
    [InlineData("payload.orderLines[0].status", "\"CREATED\"", "payload.orderLines")]
    public void MapCancellation_invalidField_throwsNamingTheField(string path, string? rawJson, string expectedField)
    {
        // Arrange
        var body = JsonEdit.Load(AutoCancelled).With(path, rawJson).ToUtf8();

        // Act
        var exception = Assert.Throws<OrderMappingException>(() => WalmartOrderMapper.MapCancellation(body));

        // Assert
        Assert.Equal(expectedField, exception.Field);
    }
}
