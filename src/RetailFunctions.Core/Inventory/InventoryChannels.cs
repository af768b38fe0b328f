namespace RetailFunctions.Core.Inventory;

/// <summary>The channels stock is pushed to, and the API shape each gets unless configured otherwise.</summary>
public static class InventoryChannels
{
    public const string Shopify = "shopify";
    public const string Amazon = "amazon";
    public const string Walmart = "walmart";

    public static IReadOnlyList<string> All { get; } = [Amazon, Shopify, Walmart];

    /// <summary>
    /// Shopify: <c>inventorySetQuantities</c>, 250 per call. Amazon: listings patches (5 rps) for a handful, else one
    /// <c>JSON_LISTINGS_FEED</c> (5 feeds per 5 minutes). Walmart: single updates for a handful, else the bulk feed (10 per hour).
    /// </summary>
    public static ChannelInventoryOptions Defaults(string channel) => channel switch
    {
        Shopify => new ChannelInventoryOptions { MaxBatchSize = 250, SingleItemMaxCount = 0, ChannelLocationId = "gid://shopify/Location/1" },
        Amazon => new ChannelInventoryOptions { MaxBatchSize = 10_000, SingleItemMaxCount = 20 },
        Walmart => new ChannelInventoryOptions { MaxBatchSize = 10_000, SingleItemMaxCount = 20 },
        _ => new ChannelInventoryOptions(),
    };
}
