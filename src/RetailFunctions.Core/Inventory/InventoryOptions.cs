using RetailFunctions.Core.Webhooks;

namespace RetailFunctions.Core.Inventory;

/// <summary><c>Inventory</c>: the adjustments secret, stock held back from every channel and per-channel rules.</summary>
public sealed class InventoryOptions : ISigningSecrets
{
    public const string SectionName = "Inventory";

    /// <summary>Signs <c>POST /api/inventory/adjustments</c> (<c>X-Retail-Signature</c>); Key Vault reference in Azure.</summary>
    public string AdjustmentsSecret { get; set; } = "";

    /// <summary>The secret being rotated out; accepted alongside <see cref="AdjustmentsSecret"/> while set.</summary>
    public string? PreviousAdjustmentsSecret { get; set; }

    /// <summary>Units per SKU never offered on any channel, for shrinkage and counting errors.</summary>
    public int SafetyStock { get; set; }

    /// <summary>A value at or below this is low stock and is pushed before the others.</summary>
    public int LowStockThreshold { get; set; } = 5;

    /// <summary>Local runs only: seed <c>SKU-1000</c> … <c>SKU-3999</c> with 100 units at <c>DC1</c> at start.</summary>
    public bool SeedSampleCatalogue { get; set; }

    /// <summary>Pending changes one dispatcher run reads per channel; the rest wait for the next run.</summary>
    public int MaxPendingPerRun { get; set; } = 20_000;

    /// <summary>How long a channel rests after it failed without a <c>Retry-After</c>.</summary>
    public TimeSpan UnavailableBackoff { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Rules per channel name (<c>shopify</c>, <c>amazon</c>, <c>walmart</c>); missing channels get the defaults.</summary>
    public Dictionary<string, ChannelInventoryOptions> Channels { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    string? ISigningSecrets.CurrentSecret => AdjustmentsSecret;

    string? ISigningSecrets.PreviousSecret => PreviousAdjustmentsSecret;

    /// <summary>The enabled channels, in a stable order.</summary>
    public IEnumerable<(string Channel, ChannelInventoryOptions Rules)> EnabledChannels() =>
        Channels.Where(c => c.Value.Enabled).OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => (c.Key.ToLowerInvariant(), c.Value));

    public ChannelInventoryOptions RulesFor(string channel) =>
        Channels.TryGetValue(channel, out var rules) ? rules : throw new ArgumentOutOfRangeException(nameof(channel), channel, "No inventory rules for this channel.");

    /// <returns>Null when valid, else what is wrong.</returns>
    public string? Validate()
    {
        if (SafetyStock < 0 || LowStockThreshold < 0 || MaxPendingPerRun <= 0 || UnavailableBackoff <= TimeSpan.Zero)
        {
            return "SafetyStock and LowStockThreshold must not be negative; MaxPendingPerRun and UnavailableBackoff must be positive.";
        }

        return Channels.Select(c => c.Value.Validate() is { } problem ? $"Channels:{c.Key}: {problem}" : null).FirstOrDefault(p => p is not null);
    }
}
