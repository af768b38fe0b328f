using RetailFunctions.Core.Settlements.Amazon;
using RetailFunctions.Core.Settlements.Shopify;
using RetailFunctions.Core.Settlements.Walmart;

namespace RetailFunctions.Core.Settlements;

/// <summary>The settlement parser of each channel, by channel name.</summary>
public static class SettlementParsers
{
    public static IReadOnlyList<string> Channels { get; } =
        [AmazonSettlementParser.ChannelName, ShopifySettlementParser.ChannelName, WalmartSettlementParser.ChannelName];

    /// <exception cref="ArgumentException">No parser exists for <paramref name="channel"/>.</exception>
    public static ISettlementParser For(string channel) => channel.ToLowerInvariant() switch
    {
        AmazonSettlementParser.ChannelName => new AmazonSettlementParser(),
        ShopifySettlementParser.ChannelName => new ShopifySettlementParser(),
        WalmartSettlementParser.ChannelName => new WalmartSettlementParser(),
        _ => throw new ArgumentException($"No settlement parser for channel '{channel}'.", nameof(channel)),
    };
}
