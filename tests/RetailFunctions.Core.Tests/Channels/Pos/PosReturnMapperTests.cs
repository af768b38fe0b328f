using RetailFunctions.Core.Channels.Pos;
using RetailFunctions.Core.Orders;
using RetailFunctions.Core.Returns;
using RetailFunctions.Core.Tests.Samples;

namespace RetailFunctions.Core.Tests.Channels.Pos;

public sealed class PosReturnMapperTests
{
    [Fact]
    public void Map_webOrderReturnedInStore_referencesTheWebOrderAndRestocksAtTheStore()
    {
        // Act
        var request = PosReturnMapper.Map(SampleFiles.Pos("store-return-web-order.json"));

        // Assert
        Assert.Equal(("pos", "STORE-001-R01-000733", "STORE-001"), (request.Channel, request.ReturnId, request.Location));
        Assert.Equal(new ReturnOrderReference("shopify", "5551234567890"), request.Order);
        Assert.Equal([new ReturnLine("SKU-1042", 1, ReturnDisposition.Restock)], request.Lines);
        Assert.False(request.RefundedByChannel);
    }

    [Fact]
    public void Map_receiptOfAStoreSale_referencesThePosTransaction()
    {
        // Arrange
        var body = JsonEdit.Load(SampleFiles.Pos("store-return-web-order.json"))
            .With("originalOrderRef", null)
            .With("originalReceipt", """{"storeId":"STORE-002","transactionId":"R02-000184"}""")
            .With("lines[0].condition", "\"damaged\"")
            .ToUtf8();

        // Act
        var request = PosReturnMapper.Map(body);

        // Assert
        Assert.Equal(new ReturnOrderReference("pos", "STORE-002-R02-000184"), request.Order);
        Assert.Equal(ReturnDisposition.Damaged, Assert.Single(request.Lines).Disposition);
    }

    [Fact]
    public void Map_referenceWithoutChannel_leavesTheChannelOpen()
    {
        // Arrange
        var body = JsonEdit.Load(SampleFiles.Pos("store-return-web-order.json")).With("originalOrderRef.channel", null).ToUtf8();

        // Act
        var request = PosReturnMapper.Map(body);

        // Assert
        Assert.Equal(new ReturnOrderReference(null, "5551234567890"), request.Order);
    }

    [Fact]
    public void Map_noOriginalReference_namesTheField()
    {
        // Arrange
        var body = JsonEdit.Load(SampleFiles.Pos("store-return-web-order.json")).With("originalOrderRef", null).ToUtf8();

        // Act
        var exception = Assert.Throws<OrderMappingException>(() => PosReturnMapper.Map(body));

        // Assert
        Assert.Equal("originalOrderRef", exception.Field);
    }
}
