using RetailFunctions.Core.Orders;
using RetailFunctions.Core.Shipments;
using RetailFunctions.Core.Tests.Samples;

namespace RetailFunctions.Core.Tests.Shipments;

public sealed class CarrierShipmentMapperTests
{
    [Fact]
    public void Map_trackingUpdated_givesTheStatusOfTheTrackingNumber()
    {
        // Act
        var notice = new CarrierShipmentMapper().Map(SampleFiles.Shipments("carrier-tracking-updated.json"));

        // Assert
        Assert.Equal(("carrier", "trk_01HQ7Z2W3X4Y5Z6A7B8C9D0E1F", "tracking"), (notice.Source, notice.CallbackId, notice.Kind));
        Assert.Null(notice.Shipment);
        Assert.Equal(
            new TrackingEvent("1Z999AA10123456784", "UPS", TrackingStatus.Delivered, new DateTimeOffset(2025, 3, 17, 10, 21, 0, TimeSpan.Zero), "Delivered, front door"),
            notice.Tracking);
    }

    [Theory]
    [InlineData("in_transit", TrackingStatus.InTransit)]
    [InlineData("out_for_delivery", TrackingStatus.OutForDelivery)]
    [InlineData("exception", TrackingStatus.Exception)]
    public void Map_statusCode_mapsToTheTrackingStatus(string code, TrackingStatus expected)
    {
        // Arrange
        var body = JsonEdit.Load(SampleFiles.Shipments("carrier-tracking-updated.json")).With("status.code", $"\"{code}\"").ToUtf8();

        // Act
        var notice = new CarrierShipmentMapper().Map(body);

        // Assert
        Assert.Equal(expected, notice.Tracking!.Status);
    }

    [Fact]
    public void Map_unknownStatusCode_namesTheField()
    {
        // Arrange
        var body = JsonEdit.Load(SampleFiles.Shipments("carrier-tracking-updated.json")).With("status.code", "\"lost_in_space\"").ToUtf8();

        // Act
        var exception = Assert.Throws<OrderMappingException>(() => new CarrierShipmentMapper().Map(body));

        // Assert
        Assert.Equal("status.code", exception.Field);
    }

    [Fact]
    public void Map_pickedUp_isAShipmentOfTheItems()
    {
        // Act
        var notice = new CarrierShipmentMapper().Map(SampleFiles.Shipments("carrier-picked-up.json"));

        // Assert
        var shipment = Assert.IsType<OrderShipment>(notice.Shipment);
        Assert.Equal(("walmart", "1796277083022", "DS-4410"), (notice.Channel, notice.ChannelOrderId, shipment.ShipmentId));
        Assert.Equal(("USPS", "9400111899223197428490"), (shipment.Carrier, shipment.TrackingNumber));
        Assert.Equal([new ShippedLine("SKU-2200", 1)], shipment.Lines);
        Assert.Null(notice.Tracking);
    }
}
