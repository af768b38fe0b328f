namespace RetailFunctions.Core.Catalog;

/// <summary>The channels products and prices are published to, and what each requires unless configured otherwise.</summary>
public static class CatalogChannels
{
    public const string Shopify = "shopify";
    public const string Amazon = "amazon";
    public const string Walmart = "walmart";
    public const string Pos = "pos";

    public static IReadOnlyList<string> All { get; } = [Amazon, Pos, Shopify, Walmart];

    /// <summary>
    /// Shopify: <c>productSet</c>, one product per call (50 per batch, four calls at a time), titles up to 255. Amazon: <c>putListingsItem</c> /
    /// <c>patchListingsItem</c> (5 rps) for a handful, else one <c>JSON_LISTINGS_FEED</c>; needs brand and a product id;
    /// titles up to 200. Walmart: item and price feeds (single price updates for a handful); titles up to 200.
    /// POS: the store price list, 500 lines per call; only a price is needed.
    /// </summary>
    public static ChannelCatalogOptions Defaults(string channel) => channel switch
    {
        Shopify => new ChannelCatalogOptions { MaxBatchSize = 50, MaxTitleLength = 255, RequiredFields = ["title"] },
        Amazon => new ChannelCatalogOptions { MaxBatchSize = 10_000, SingleItemMaxCount = 20, MaxTitleLength = 200, RequiredFields = ["title", "brand", "gtin"] },
        Walmart => new ChannelCatalogOptions { MaxBatchSize = 10_000, SingleItemMaxCount = 20, MaxTitleLength = 200, RequiredFields = ["title", "brand", "gtin"] },
        Pos => new ChannelCatalogOptions { MaxBatchSize = 500, MaxTitleLength = 60, RequiredFields = [], Stores = ["STORE-001"] },
        _ => new ChannelCatalogOptions(),
    };
}
