using RetailFunctions.Core.Shipments;

namespace RetailFunctions.Core.Orders;

/// <param name="Packages">The parcels of the shipment when the source reports them (a 3PL's multi-package shipment);
/// null when the shipment is one parcel with <paramref name="TrackingNumber"/>.</param>
/// <param name="Tracking">The carrier's latest status for <paramref name="TrackingNumber"/>; filled in by the ledger
/// when the order is read, never carried by the workflow.</param>
public sealed record OrderShipment(
    string ShipmentId,
    string? Carrier,
    string? TrackingNumber,
    DateTimeOffset ShippedAt,
    IReadOnlyList<ShippedLine> Lines,
    string? TrackingUrl = null,
    IReadOnlyList<ShipmentPackage>? Packages = null,
    TrackingEvent? Tracking = null);

public sealed record ShippedLine(string Sku, int Quantity);
