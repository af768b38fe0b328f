using RetailFunctions.Core.BackOffice;

namespace RetailFunctions.Simulators.Wms;

/// <summary>Control API: ship (part of) a fulfilment request now. Absent lines mean everything not yet shipped.</summary>
public sealed record ShipmentRequest(IReadOnlyList<FulfilmentLine>? Lines, string? Carrier, string? TrackingNumber, int? DelayMs);
