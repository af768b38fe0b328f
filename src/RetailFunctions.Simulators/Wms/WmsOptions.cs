namespace RetailFunctions.Simulators.Wms;

/// <summary><c>Simulators:Wms</c>: how the simulated warehouse ships and calls the fabric back.</summary>
public sealed class WmsOptions
{
    public const string SectionName = "Simulators:Wms";

    /// <summary>Ship every accepted fulfilment request by itself after <see cref="ShipDelay"/>.</summary>
    public bool AutoShip { get; set; }

    public TimeSpan ShipDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Ship in two parcels (partial shipments) instead of one.</summary>
    public bool SplitShipments { get; set; }

    public string Carrier { get; set; } = "UPS";

    /// <summary>Where the fabric listens; the callback goes to <c>{FabricBaseUrl}/api/callbacks/shipments/wms</c>.</summary>
    public Uri FabricBaseUrl { get; set; } = new("http://127.0.0.1:7071");

    public int CallbackMaxAttempts { get; set; } = 8;

    public TimeSpan CallbackBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    public TimeSpan CallbackMaxDelay { get; set; } = TimeSpan.FromSeconds(30);
}
