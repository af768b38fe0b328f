using RetailFunctions.Core.Channels;
using RetailFunctions.Core.Orders;

namespace RetailFunctions.Core.Shipments;

/// <summary>
/// A carrier's tracking webhook. <c>shipment.picked_up</c> (a parcel the fabric booked directly with the carrier) is a
/// shipment; <c>tracking.updated</c> is a status of one tracking number. Dedupe on <c>event_id</c>.
/// </summary>
/// <remarks>
/// <code>
/// { "event_id", "event_type": "shipment.picked_up" | "tracking.updated", "occurred_at",
///   "carrier": { "code", "service"? }, "tracking_number", "tracking_url"?,
///   "shipper_reference": { "channel", "order_id", "shipment_id"? },
///   "status": { "code": "in_transit" | "out_for_delivery" | "delivered" | "exception", "description"? },  (tracking.updated)
///   "items": [{ "sku", "quantity" }] }                                                                     (shipment.picked_up)
/// </code>
/// </remarks>
public sealed class CarrierShipmentMapper : IShipmentMapper
{
    public const string SourceName = "carrier";
    public const string PickedUp = "shipment.picked_up";
    public const string TrackingUpdated = "tracking.updated";

    private static readonly Dictionary<string, TrackingStatus> StatusCodes = new(StringComparer.Ordinal)
    {
        ["in_transit"] = TrackingStatus.InTransit,
        ["out_for_delivery"] = TrackingStatus.OutForDelivery,
        ["delivered"] = TrackingStatus.Delivered,
        ["exception"] = TrackingStatus.Exception,
    };

    public string Source => SourceName;

    public ShipmentNotice Map(ReadOnlySpan<byte> body)
    {
        using var document = JsonObjectReader.Parse(body);
        var root = JsonObjectReader.Root(document.RootElement);
        var eventId = root.RequiredIdentifier("event_id");
        var reference = root.RequiredObject("shipper_reference");
        var carrier = root.RequiredObject("carrier").RequiredText("code");
        var trackingNumber = root.RequiredText("tracking_number");
        var occurredAt = root.RequiredTimestamp("occurred_at");
        var channel = reference.RequiredText("channel").ToLowerInvariant();
        var orderId = reference.RequiredIdentifier("order_id");

        switch (root.RequiredText("event_type"))
        {
            case PickedUp:
                var lines = root.RequiredObjects("items").Select(item => new ShippedLine(item.RequiredText("sku"), item.RequiredCount("quantity"))).ToList();
                var shipmentId = reference.Text("shipment_id") ?? $"{carrier}-{trackingNumber}";
                return new ShipmentNotice(Source, eventId, channel, orderId,
                    new OrderShipment(shipmentId, carrier, trackingNumber, occurredAt, lines, root.Text("tracking_url")), null);

            case TrackingUpdated:
                var status = root.RequiredObject("status");
                var code = status.RequiredText("code");
                if (!StatusCodes.TryGetValue(code, out var trackingStatus))
                {
                    throw new OrderMappingException(status.PathOf("code"), $"must be one of {string.Join(", ", StatusCodes.Keys)}");
                }

                return new ShipmentNotice(Source, eventId, channel, orderId, null,
                    new TrackingEvent(trackingNumber, carrier, trackingStatus, occurredAt, status.Text("description")));

            default:
                throw new OrderMappingException("event_type", $"must be {PickedUp} or {TrackingUpdated}");
        }
    }
}
