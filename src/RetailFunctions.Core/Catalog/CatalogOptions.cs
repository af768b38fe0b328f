using RetailFunctions.Core.Webhooks;

namespace RetailFunctions.Core.Catalog;

/// <summary><c>Catalog</c>: the changes secret, the price band and per-channel rules.</summary>
public sealed class CatalogOptions : ISigningSecrets
{
    public const string SectionName = "Catalog";

    /// <summary>Signs <c>POST /api/catalog/changes</c> and promotions (<c>X-Retail-Signature</c>); Key Vault reference in Azure.</summary>
    public string ChangesSecret { get; set; } = "";

    /// <summary>The secret being rotated out; accepted alongside <see cref="ChangesSecret"/> while set.</summary>
    public string? PreviousChangesSecret { get; set; }

    /// <summary>
    /// How far (percent, either way) a new base price may move from the price a channel shows before it is held for
    /// review instead of published: a typo that drops a price by 90% never reaches a shop.
    /// </summary>
    public decimal PriceBandPercent { get; set; } = 50;

    /// <summary>Pending SKUs one publisher run reads per channel; the rest wait for the next run.</summary>
    public int MaxPendingPerRun { get; set; } = 5_000;

    /// <summary>How long a channel rests after it failed without a <c>Retry-After</c>.</summary>
    public TimeSpan UnavailableBackoff { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How often the consistency check compares what each channel holds with the catalogue.</summary>
    public TimeSpan ConsistencyInterval { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Check only SKUs starting with this (a product line; tests sharing one storage account use their own SKUs); all when empty.</summary>
    public string? ConsistencySkuPrefix { get; set; }

    /// <summary>Rules per channel (<c>shopify</c>, <c>amazon</c>, <c>walmart</c>, <c>pos</c>); missing channels get the defaults.</summary>
    public Dictionary<string, ChannelCatalogOptions> Channels { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    string? ISigningSecrets.CurrentSecret => ChangesSecret;

    string? ISigningSecrets.PreviousSecret => PreviousChangesSecret;

    /// <summary>The enabled channels, in a stable order.</summary>
    public IReadOnlyList<string> EnabledChannels() =>
        Channels.Where(c => c.Value.Enabled).Select(c => c.Key.ToLowerInvariant()).Order(StringComparer.Ordinal).ToArray();

    public ChannelCatalogOptions RulesFor(string channel) =>
        Channels.TryGetValue(channel, out var rules) ? rules : CatalogChannels.Defaults(channel);

    /// <returns>Null when valid, else what is wrong.</returns>
    public string? Validate()
    {
        if (PriceBandPercent is <= 0 or > 100 || MaxPendingPerRun <= 0 || UnavailableBackoff <= TimeSpan.Zero || ConsistencyInterval <= TimeSpan.Zero)
        {
            return "PriceBandPercent must be in (0, 100]; MaxPendingPerRun, UnavailableBackoff and ConsistencyInterval must be positive.";
        }

        return Channels.Select(c => c.Value.Validate() is { } problem ? $"Channels:{c.Key}: {problem}" : null).FirstOrDefault(p => p is not null);
    }
}
