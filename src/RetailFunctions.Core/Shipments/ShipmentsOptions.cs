using RetailFunctions.Core.Webhooks;

namespace RetailFunctions.Core.Shipments;

/// <summary><c>Shipments:Sources:{source}:Secret</c> per callback source (wms, 3pl, carrier); Key Vault references in Azure.</summary>
public sealed class ShipmentsOptions
{
    public const string SectionName = "Shipments";

    public Dictionary<string, ShipmentSourceOptions> Sources { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>A parked callback still unmatched after this is flagged to operators (it keeps being retried).</summary>
    public TimeSpan ParkedAlertAfter { get; set; } = TimeSpan.FromHours(4);
}

public sealed class ShipmentSourceOptions : ISigningSecrets
{
    public string Secret { get; set; } = "";

    /// <summary>The secret being rotated out; accepted alongside <see cref="Secret"/> while set.</summary>
    public string? PreviousSecret { get; set; }

    string? ISigningSecrets.CurrentSecret => Secret;
}
