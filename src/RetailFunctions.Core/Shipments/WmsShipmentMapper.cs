using RetailFunctions.Core.Channels;
using RetailFunctions.Core.Orders;

namespace RetailFunctions.Core.Shipments;

/// <summary>
/// The WMS callback (DESIGN §3): <c>{"shipmentId","orderRef":{"channel","channelOrderId"},"carrier","trackingNumber",
/// "shippedAt","lines":[{"sku","quantity"}]}</c>. Dedupe on <c>shipmentId</c>.
/// </summary>
public sealed class WmsShipmentMapper : IShipmentMapper
{
    public string Source => "wms";

    public ShipmentNotice Map(ReadOnlySpan<byte> body)
    {
        using var document = JsonObjectReader.Parse(body);
        var root = JsonObjectReader.Root(document.RootElement);
        var orderRef = root.RequiredObject("orderRef");
        var lines = root.RequiredObjects("lines").Select(line => new ShippedLine(line.RequiredText("sku"), line.RequiredCount("quantity"))).ToList();
        var shipmentId = root.RequiredIdentifier("shipmentId");
        var shipment = new OrderShipment(
            shipmentId,
            root.Text("carrier"),
            root.Text("trackingNumber"),
            root.RequiredTimestamp("shippedAt"),
            lines);
        return new ShipmentNotice(Source, shipmentId, orderRef.RequiredText("channel").ToLowerInvariant(), orderRef.RequiredIdentifier("channelOrderId"), shipment, null);
    }
}
