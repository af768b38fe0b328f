namespace RetailFunctions.Simulators.Wms;

/// <summary>The shipping behaviour the control API can change while the simulator runs.</summary>
public sealed record WmsSettings(bool AutoShip, int ShipDelayMs, bool SplitShipments);
