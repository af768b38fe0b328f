using RetailFunctions.Core.Orders;

namespace RetailFunctions.Core.Shipments;

/// <summary>A shipment as every source's mapper produces it: which order it belongs to and what left the warehouse.</summary>
public sealed record CanonicalShipment(string Source, string Channel, string ChannelOrderId, OrderShipment Shipment);
