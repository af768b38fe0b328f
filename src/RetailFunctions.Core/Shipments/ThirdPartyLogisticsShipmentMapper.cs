using RetailFunctions.Core.Channels;
using RetailFunctions.Core.Orders;

namespace RetailFunctions.Core.Shipments;

/// <summary>
/// The 3PL's <c>order.shipped</c> webhook (snake_case, one shipment of one or more packages). Dedupe on <c>shipment.id</c>.
/// </summary>
/// <remarks>
/// <code>
/// { "topic": "order.shipped", "event_id", "warehouse"?,
///   "order": { "channel", "channel_order_id" },
///   "shipment": { "id", "shipped_at",
///     "packages": [{ "package_id", "carrier", "tracking_number", "tracking_url"?, "items": [{ "sku", "quantity" }] }] } }
/// </code>
/// </remarks>
public sealed class ThirdPartyLogisticsShipmentMapper : IShipmentMapper
{
    public const string SourceName = "3pl";

    public string Source => SourceName;

    public ShipmentNotice Map(ReadOnlySpan<byte> body)
    {
        using var document = JsonObjectReader.Parse(body);
        var root = JsonObjectReader.Root(document.RootElement);
        var order = root.RequiredObject("order");
        var shipment = root.RequiredObject("shipment");
        var packages = shipment.RequiredObjects("packages").Select(ReadPackage).ToList();
        var duplicate = packages.GroupBy(p => p.PackageId).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new OrderMappingException(shipment.PathOf("packages"), "must not repeat a package_id");
        }

        // What the order sees is what left, whichever box it was in.
        var lines = packages.SelectMany(p => p.Lines)
            .GroupBy(l => l.Sku, StringComparer.Ordinal)
            .Select(g => new ShippedLine(g.Key, g.Sum(l => l.Quantity)))
            .ToList();
        var first = packages[0];
        var shipmentId = shipment.RequiredIdentifier("id");
        return new ShipmentNotice(
            Source,
            shipmentId,
            order.RequiredText("channel").ToLowerInvariant(),
            order.RequiredIdentifier("channel_order_id"),
            new OrderShipment(shipmentId, first.Carrier, first.TrackingNumber, shipment.RequiredTimestamp("shipped_at"), lines, first.TrackingUrl, packages),
            null);
    }

    private static ShipmentPackage ReadPackage(JsonObjectReader package) =>
        new(
            package.RequiredIdentifier("package_id"),
            package.RequiredText("carrier"),
            package.RequiredText("tracking_number"),
            package.Text("tracking_url"),
            [.. package.RequiredObjects("items").Select(item => new ShippedLine(item.RequiredText("sku"), item.RequiredCount("quantity")))]);
}
