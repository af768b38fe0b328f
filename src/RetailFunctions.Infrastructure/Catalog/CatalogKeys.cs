using RetailFunctions.Core.Storage;

namespace RetailFunctions.Infrastructure.Catalog;

/// <summary>
/// Keys of the <c>catalog</c> table: one partition per SKU holding its master record (<c>master</c>), the promotion
/// running on it (<c>promotion</c>) and a row per channel (<c>channel|{channel}</c>), so a query reads one partition.
/// </summary>
internal static class CatalogKeys
{
    public const string MasterRow = "master";
    public const string PromotionRow = "promotion";
    public const string ChannelPrefix = "channel|";

    public static string Partition(string sku) => StorageKey.Escape(sku).Replace("|", "%7C", StringComparison.Ordinal);

    public static string Channel(string channel) => ChannelPrefix + channel;
}
