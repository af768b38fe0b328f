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

    /// <summary>Quantities per API call: Shopify <c>inventorySetQuantities</c> takes at most 250, feeds take thousands.</summary>
    public int MaxBatchSize { get; set; } = 250;

    /// <summary>
    /// When no more than this many values are due they go one per call (Amazon listings patch, Walmart inventory
    /// update), which is faster than a feed; above it they go in batches of <see cref="MaxBatchSize"/>.
    /// </summary>
    public int SingleItemMaxCount { get; set; }

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
        : SingleItemMaxCount < 0 ? "SingleItemMaxCount must not be negative."
        : null;
}
