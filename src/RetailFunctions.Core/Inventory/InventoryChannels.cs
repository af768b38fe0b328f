namespace RetailFunctions.Core.Inventory;

/// <summary>The channels stock is pushed to, and the API shape each gets unless configured otherwise.</summary>
public static class InventoryChannels
{
    public const string Shopify = "shopify";
    public const string Amazon = "amazon";
    public const string Walmart = "walmart";

    public static IReadOnlyList<string> All { get; } = [Amazon, Shopify, Walmart];

    /// <summary>
    /// Each channel's published limits (the simulators enforce the same): Shopify <c>inventorySetQuantities</c>, 250 per
    /// call, its cost budget modelled as 2 calls/s with 40 in hand. Amazon: <c>patchListingsItem</c> 5/s (burst 10), or
    /// a <c>JSON_LISTINGS_FEED</c> (<c>createFeed</c>: burst 15, then one per two minutes). Walmart: single updates
    /// 5/s (burst 10), or the bulk feed (10 per hour).
    /// </summary>
    public static ChannelInventoryOptions Defaults(string channel) => channel switch
    {
        Shopify => new ChannelInventoryOptions
        {
            MaxBatchSize = 250, BatchCallsPerSecond = 2, BatchCallBurst = 40, ChannelLocationId = "gid://shopify/Location/1",
        },
        Amazon => new ChannelInventoryOptions
        {
            MaxBatchSize = 10_000, SingleCallsPerSecond = 5, SingleCallBurst = 10,
            BatchCallsPerSecond = 1 / 120.0, BatchCallBurst = 15, BatchAfter = TimeSpan.FromSeconds(5),
        },
        Walmart => new ChannelInventoryOptions
        {
            MaxBatchSize = 10_000, SingleCallsPerSecond = 5, SingleCallBurst = 10,
            BatchCallsPerSecond = 10 / 3600.0, BatchCallBurst = 10, BatchAfter = TimeSpan.FromSeconds(15),
        },
        _ => new ChannelInventoryOptions(),
    };
}
