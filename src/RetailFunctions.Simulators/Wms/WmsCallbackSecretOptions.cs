namespace RetailFunctions.Simulators.Wms;

/// <summary>The secret the fabric checks WMS callbacks with: the same key, <c>Shipments:Sources:wms:Secret</c>.</summary>
public sealed class WmsCallbackSecretOptions
{
    public const string SectionName = "Shipments:Sources:wms";

    public string Secret { get; set; } = "";
}
