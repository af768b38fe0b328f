using RetailFunctions.Core.Channels.Walmart;
using RetailFunctions.Core.Orders;
using RetailFunctions.Core.Returns;
using RetailFunctions.Core.Tests.Samples;

namespace RetailFunctions.Core.Tests.Channels.Walmart;

public sealed class WalmartReturnMapperTests
{
    [Fact]
    public void Map_returnCreated_referencesThePurchaseOrderAndRestocks()
    {
        // Act
        var request = WalmartReturnMapper.Map(SampleFiles.Walmart("return-created.json"));

        // Assert
        Assert.Equal(("walmart", "99281043512"), (request.Channel, request.ReturnId));
        Assert.Equal(new ReturnOrderReference("walmart", "1829467105523"), request.Order);
        Assert.Equal([new ReturnLine("SKU-1042", 1, ReturnDisposition.Restock)], request.Lines);
        Assert.Equal(new DateTimeOffset(2025, 3, 24, 15, 2, 33, TimeSpan.Zero), request.RequestedAt);
        Assert.Null(request.Location);
        Assert.False(request.RefundedByChannel);
    }

    [Fact]
    public void Map_damagedReasonAndNumericIds_writesOffAndReadsTheIds()
    {
        // Arrange
        var body = JsonEdit.Load(SampleFiles.Walmart("return-created.json"))
            .With("payload.returnOrderId", "99281043513")
            .With("payload.returnOrderLines[0].purchaseOrderId", "1829467105523")
            .With("payload.returnOrderLines[0].returnReason", "\"DAMAGED_ITEM\"")
            .With("payload.returnOrderLines[0].quantity.measurementValue", "\"2\"")
            .ToUtf8();

        // Act
        var request = WalmartReturnMapper.Map(body);

        // Assert
        Assert.Equal(("99281043513", "1829467105523"), (request.ReturnId, request.Order.ChannelOrderId));
        Assert.Equal(new ReturnLine("SKU-1042", 2, ReturnDisposition.Damaged), Assert.Single(request.Lines));
    }

    [Fact]
    public void Map_linesOfTwoPurchaseOrders_namesTheField()
    {
        // Arrange
        var body = JsonEdit.Load(SampleFiles.Walmart("return-created.json"))
            .With("payload.returnOrderLines", """
                [{"purchaseOrderId":"1829467105523","item":{"sku":"SKU-1042"},"quantity":{"measurementValue":1}},
                 {"purchaseOrderId":"1829467100000","item":{"sku":"SKU-2310"},"quantity":{"measurementValue":1}}]
                """)
            .ToUtf8();

        // Act
        var exception = Assert.Throws<OrderMappingException>(() => WalmartReturnMapper.Map(body));

        // Assert
        Assert.Equal("payload.returnOrderLines", exception.Field);
    }

    [Fact]
    public void Map_lineWithoutSku_namesTheField()
    {
        // Arrange
        var body = JsonEdit.Load(SampleFiles.Walmart("return-created.json")).With("payload.returnOrderLines[0].item.sku", null).ToUtf8();

        // Act
        var exception = Assert.Throws<OrderMappingException>(() => WalmartReturnMapper.Map(body));

        // Assert
        Assert.Equal("payload.returnOrderLines[0].item.sku", exception.Field);
    }
}
