namespace RetailFunctions.Core.Inventory;

/// <summary>
/// <c>Inventory:Channels:{channel}</c>: how much of the stock a channel may list, applied in this order after
/// <c>max(0, onHand − reserved − safetyStock − Buffer)</c>: <see cref="AllocationPercent"/>, <see cref="MaxListed"/>,
/// <see cref="EndWhenBelow"/>. Also how its API is fed.
/// </summary>
public sealed class ChannelInventoryOptions
{
    public bool Enabled { get; set; } = true;

    /// <summary>Units kept off this channel only.</summary>
    public int Buffer { get; set; }

    /// <summary>Share of the available stock this channel may list, 0–100, rounded down.</summary>
    public int AllocationPercent { get; set; } = 100;

    /// <summary>Never list more than this; null for no cap.</summary>
    public int? MaxListed { get; set; }

    /// <summary>Below this the listing ends (0 is pushed) rather than risk overselling the last units.</summary>
    public int EndWhenBelow { get; set; }

    /// <summary>Locations whose stock this channel sells; empty for all.</summary>
    public List<string> Locations { get; set; } = [];

    /// <summary>Quantities per batch call: Shopify <c>inventorySetQuantities</c> takes at most 250, feeds take thousands.</summary>
    public int MaxBatchSize { get; set; } = 250;

    /// <summary>
    /// The channel's limit for single-value calls (Amazon <c>patchListingsItem</c>, Walmart inventory update); 0 when it
    /// has none. Values go one per call while this budget lasts, low stock first and then the newest; the rest wait for a batch.
    /// </summary>
    public double SingleCallsPerSecond { get; set; }

    public int SingleCallBurst { get; set; } = 1;

    /// <summary>The channel's limit for batch calls (Shopify GraphQL calls, Amazon feeds, Walmart bulk feeds); 0 for none.</summary>
    public double BatchCallsPerSecond { get; set; }

    public int BatchCallBurst { get; set; } = 1;

    /// <summary>
    /// With a single-value path, how long values the single calls could not take gather before they go as one batch:
    /// feeds are scarce (Amazon 15 then one per two minutes, Walmart 10 an hour), so one feed should carry many values.
    /// With fewer than <see cref="BatchCallBurst"/> batch calls left, values gather proportionally longer.
    /// </summary>
    public TimeSpan BatchAfter { get; set; }

    /// <summary>
    /// ... or once no change has marked a value for this long: the burst is over, and the values left would otherwise
    /// wait out <see cref="BatchAfter"/> for nothing.
    /// </summary>
    public TimeSpan BatchWhenQuietFor { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Shopify: the location id quantities are set at.</summary>
    public string? ChannelLocationId { get; set; }

    public bool Sells(string location) =>
        Locations.Count == 0 || Locations.Contains(location, StringComparer.OrdinalIgnoreCase);

    /// <returns>Null when valid, else what is wrong.</returns>
    public string? Validate() =>
        Buffer < 0 ? "Buffer must not be negative."
        : AllocationPercent is < 0 or > 100 ? "AllocationPercent must be between 0 and 100."
        : MaxListed < 0 ? "MaxListed must not be negative."
        : EndWhenBelow < 0 ? "EndWhenBelow must not be negative."
        : MaxBatchSize <= 0 ? "MaxBatchSize must be positive."
        : SingleCallsPerSecond < 0 || BatchCallsPerSecond < 0 ? "SingleCallsPerSecond and BatchCallsPerSecond must not be negative."
        : SingleCallBurst < 1 || BatchCallBurst < 1 ? "SingleCallBurst and BatchCallBurst must be at least 1."
        : BatchAfter < TimeSpan.Zero || BatchWhenQuietFor < TimeSpan.Zero ? "BatchAfter and BatchWhenQuietFor must not be negative."
        : null;
}
