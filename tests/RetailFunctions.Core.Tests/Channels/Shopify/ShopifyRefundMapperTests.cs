using RetailFunctions.Core.Channels.Shopify;
using RetailFunctions.Core.Returns;
using RetailFunctions.Core.Tests.Samples;

namespace RetailFunctions.Core.Tests.Channels.Shopify;

public sealed class ShopifyRefundMapperTests
{
    [Fact]
    public void Map_refundWithLineItems_isAReturnAlreadyRefundedByShopify()
    {
        // Act
        var request = ShopifyRefundMapper.Map(SampleFiles.Shopify("refunds-create.json"))!;

        // Assert
        Assert.Equal(("shopify", "929361464", "return-shopify-929361464"), (request.Channel, request.ReturnId, request.ReturnKey));
        Assert.Equal(new ReturnOrderReference("shopify", "5551234567890"), request.Order);
        Assert.Equal([new ReturnLine("SKU-1042", 1, ReturnDisposition.Restock), new ReturnLine("SKU-3105", 1, ReturnDisposition.Damaged)], request.Lines);
        Assert.Equal(new DateTimeOffset(2025, 3, 20, 15, 4, 31, TimeSpan.Zero), request.RequestedAt);
        Assert.True(request.RefundedByChannel);
        Assert.Null(request.Location);
    }

    [Fact]
    public void Map_refundWithoutLineItems_null()
    {
        // Arrange
        var body = JsonEdit.Load(SampleFiles.Shopify("refunds-create.json")).With("refund_line_items", "[]").ToUtf8();

        // Act
        var request = ShopifyRefundMapper.Map(body);

        // Assert
        Assert.Null(request);
    }

    [Fact]
    public void Map_lineItemWithoutSku_namesTheField()
    {
        // Arrange
        var body = JsonEdit.Load(SampleFiles.Shopify("refunds-create.json")).With("refund_line_items[1].line_item.sku", null).ToUtf8();

        // Act
        var exception = Assert.Throws<Core.Orders.OrderMappingException>(() => ShopifyRefundMapper.Map(body));

        // Assert
        Assert.Equal("refund_line_items[1].line_item.sku", exception.Field);
    }
}
