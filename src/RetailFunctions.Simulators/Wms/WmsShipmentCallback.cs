using RetailFunctions.Core.BackOffice;

namespace RetailFunctions.Simulators.Wms;

/// <summary>The body of <c>POST /api/callbacks/shipments/wms</c> (DESIGN §3).</summary>
public sealed record WmsShipmentCallback(
    string ShipmentId,
    WmsOrderRef OrderRef,
    string Carrier,
    string TrackingNumber,
    DateTimeOffset ShippedAt,
    IReadOnlyList<FulfilmentLine> Lines);

public sealed record WmsOrderRef(string Channel, string ChannelOrderId);
