namespace RetailFunctions.Core.Catalog;

/// <summary>A SKU's master record, the promotion running on it and each channel's state, read together.</summary>
public sealed record CatalogEntry(CatalogRecord Record, ActivePromotion? Promotion, IReadOnlyDictionary<string, CatalogChannelState> Channels)
{
    public CatalogChannelState Channel(string channel) => Channels.GetValueOrDefault(channel) ?? CatalogChannelState.None(channel);
}
