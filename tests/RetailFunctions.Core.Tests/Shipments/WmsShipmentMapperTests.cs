using RetailFunctions.Core.Orders;
using RetailFunctions.Core.Shipments;
using RetailFunctions.Core.Tests.Samples;

namespace RetailFunctions.Core.Tests.Shipments;

public sealed class WmsShipmentMapperTests
{
    [Fact]
    public void Map_designSample_givesTheShipmentForTheOrder()
    {
        // Act
        var notice = new WmsShipmentMapper().Map(SampleFiles.Shipments("wms-shipment.json"));

        // Assert
        Assert.Equal(("wms", "SHP-000184", "shopify", "5551234567890"), (notice.Source, notice.CallbackId, notice.Channel, notice.ChannelOrderId));
        var shipment = Assert.IsType<OrderShipment>(notice.Shipment);
        Assert.Equal(("UPS", "1Z999AA10123456784"), (shipment.Carrier, shipment.TrackingNumber));
        Assert.Equal(new DateTimeOffset(2025, 3, 15, 14, 2, 11, TimeSpan.Zero), shipment.ShippedAt);
        Assert.Equal([new ShippedLine("SKU-1042", 2), new ShippedLine("SKU-3105", 1)], shipment.Lines);
        Assert.Null(notice.Tracking);
    }

    [Fact]
    public void Map_marketplaceOrderIdWithDashes_keepsItAsText()
    {
        // Arrange
        var body = JsonEdit.Load(SampleFiles.Shipments("wms-shipment.json"))
            .With("orderRef.channel", "\"amazon\"").With("orderRef.channelOrderId", "\"114-3941689-8772232\"").ToUtf8();

        // Act
        var notice = new WmsShipmentMapper().Map(body);

        // Assert
        Assert.Equal(("amazon", "114-3941689-8772232"), (notice.Channel, notice.ChannelOrderId));
    }

    [Fact]
    public void Map_lineWithoutQuantity_namesTheField()
    {
        // Arrange
        var body = JsonEdit.Load(SampleFiles.Shipments("wms-shipment.json")).With("lines[1].quantity", null).ToUtf8();

        // Act
        var exception = Assert.Throws<OrderMappingException>(() => new WmsShipmentMapper().Map(body));

        // Assert
        Assert.Equal("lines[1].quantity", exception.Field);
    }
}
