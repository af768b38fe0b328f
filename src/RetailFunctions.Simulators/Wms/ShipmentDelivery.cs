namespace RetailFunctions.Simulators.Wms;

/// <summary>One shipment and how its callback to the fabric went.</summary>
public sealed record ShipmentDelivery(
    WmsShipmentCallback Callback,
    DeliveryStatus Status,
    int Attempts,
    int? LastStatusCode,
    DateTimeOffset DueAt,
    DateTimeOffset? DeliveredAt);
