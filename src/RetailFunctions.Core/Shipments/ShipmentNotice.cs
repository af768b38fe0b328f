using RetailFunctions.Core.Orders;

namespace RetailFunctions.Core.Shipments;

/// <summary>
/// What one shipment callback says, whatever its source's shape: either goods left for an order
/// (<see cref="Shipment"/>: the canonical shipment) or a carrier's status of one of its parcels (<see cref="Tracking"/>).
/// </summary>
/// <param name="CallbackId">The source's id of this callback: the same callback twice is done once.</param>
public sealed record ShipmentNotice(
    string Source,
    string CallbackId,
    string Channel,
    string ChannelOrderId,
    OrderShipment? Shipment,
    TrackingEvent? Tracking)
{
    public const string ShipmentKind = "shipment";
    public const string TrackingKind = "tracking";

    public string Kind => Shipment is null ? TrackingKind : ShipmentKind;
}
