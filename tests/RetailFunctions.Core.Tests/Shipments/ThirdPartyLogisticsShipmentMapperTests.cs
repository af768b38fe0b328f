using RetailFunctions.Core.Orders;
using RetailFunctions.Core.Shipments;
using RetailFunctions.Core.Tests.Samples;

namespace RetailFunctions.Core.Tests.Shipments;

public sealed class ThirdPartyLogisticsShipmentMapperTests
{
    [Fact]
    public void Map_twoPackages_keepsEachParcelAndSumsTheLines()
    {
        // Act
        var notice = new ThirdPartyLogisticsShipmentMapper().Map(SampleFiles.Shipments("3pl-order-shipped.json"));

        // Assert
        Assert.Equal(("3pl", "TPL-778899", "shopify", "5551234567890"), (notice.Source, notice.CallbackId, notice.Channel, notice.ChannelOrderId));
        var shipment = Assert.IsType<OrderShipment>(notice.Shipment);
        Assert.Equal([new ShippedLine("SKU-1042", 2), new ShippedLine("SKU-3105", 1)], shipment.Lines);
        Assert.Equal(["771234567890", "771234567891"], shipment.Packages!.Select(p => p.TrackingNumber));
        Assert.Equal([new ShippedLine("SKU-1042", 1)], shipment.Packages![1].Lines);
        Assert.Equal(("FedEx", "771234567890", "https://www.fedex.com/fedextrack/?trknbr=771234567890"), (shipment.Carrier, shipment.TrackingNumber, shipment.TrackingUrl));
    }

    [Fact]
    public void Map_packageWithoutTrackingNumber_namesTheField()
    {
        // Arrange
        var body = JsonEdit.Load(SampleFiles.Shipments("3pl-order-shipped.json")).With("shipment.packages[1].tracking_number", null).ToUtf8();

        // Act
        var exception = Assert.Throws<OrderMappingException>(() => new ThirdPartyLogisticsShipmentMapper().Map(body));

        // Assert
        Assert.Equal("shipment.packages[1].tracking_number", exception.Field);
    }

    [Fact]
    public void Map_samePackageTwice_isRefused()
    {
        // Arrange
        var body = JsonEdit.Load(SampleFiles.Shipments("3pl-order-shipped.json")).With("shipment.packages[1].package_id", "\"PKG-1\"").ToUtf8();

        // Act
        var exception = Assert.Throws<OrderMappingException>(() => new ThirdPartyLogisticsShipmentMapper().Map(body));

        // Assert
        Assert.Equal("shipment.packages", exception.Field);
    }
}
