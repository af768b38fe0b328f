using RetailFunctions.Core.Shipments;

namespace RetailFunctions.Core.Orders;

/// <summary>One parcel of a shipment, with its own tracking number and the lines packed in it.</summary>
/// <param name="Tracking">The carrier's latest status for this parcel; filled in by the ledger when the order is read.</param>
public sealed record ShipmentPackage(
    string PackageId,
    string? Carrier,
    string? TrackingNumber,
    string? TrackingUrl,
    IReadOnlyList<ShippedLine> Lines,
    TrackingEvent? Tracking = null);
