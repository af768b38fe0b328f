using RetailFunctions.Core.Channels.Amazon;
using RetailFunctions.Core.Orders;
using RetailFunctions.Core.Returns;
using RetailFunctions.Core.Tests.Samples;

namespace RetailFunctions.Core.Tests.Channels.Amazon;

public sealed class AmazonReturnMapperTests
{
    [Fact]
    public void Map_returnReportRow_referencesTheAmazonOrderAndRestocks()
    {
        // Act
        var request = AmazonReturnMapper.Map(SampleFiles.Amazon("return-created-notification.json"));

        // Assert
        Assert.Equal(("amazon", "DkQ7mR2xNRMA"), (request.Channel, request.ReturnId));
        Assert.Equal(new ReturnOrderReference("amazon", "113-4728391-5502617"), request.Order);
        Assert.Equal([new ReturnLine("SKU-1042", 1, ReturnDisposition.Restock)], request.Lines);
        Assert.Equal(new DateTimeOffset(2025, 3, 26, 9, 10, 52, TimeSpan.Zero), request.RequestedAt);
        Assert.False(request.RefundedByChannel);
    }

    [Fact]
    public void Map_defectiveItemRefundedByAmazon_writesOffAndIsRefundedByTheChannel()
    {
        // Arrange
        var body = JsonEdit.Load(SampleFiles.Amazon("return-created-notification.json"))
            .With("Payload.ReturnDetails.item_details[0].return_reason_code", "\"CR-DEFECTIVE\"")
            .With("Payload.ReturnDetails.item_details[0].refund_amount", "53.04")
            .ToUtf8();

        // Act
        var request = AmazonReturnMapper.Map(body);

        // Assert
        Assert.Equal(ReturnDisposition.Damaged, Assert.Single(request.Lines).Disposition);
        Assert.True(request.RefundedByChannel);
    }

    [Fact]
    public void Map_withoutQuantity_namesTheField()
    {
        // Arrange
        var body = JsonEdit.Load(SampleFiles.Amazon("return-created-notification.json"))
            .With("Payload.ReturnDetails.item_details[0].return_quantity", null)
            .ToUtf8();

        // Act
        var exception = Assert.Throws<OrderMappingException>(() => AmazonReturnMapper.Map(body));

        // Assert
        Assert.Equal("Payload.ReturnDetails.item_details[0].return_quantity", exception.Field);
    }
}
