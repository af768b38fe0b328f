namespace RetailFunctions.Core.Catalog;

/// <summary><c>GET /api/catalog/{sku}</c>: the master record, the price and promotion in force, and each channel's state.</summary>
/// <param name="Price">The base price; a running promotion's price is in <paramref name="ActivePromotion"/>.</param>
public sealed record CatalogView(
    string Sku,
    long Version,
    string? Title,
    string? Description,
    string? Brand,
    string? Gtin,
    decimal? Price,
    string? Currency,
    string? TaxClass,
    string Status,
    IReadOnlyDictionary<string, string> Attributes,
    ActivePromotion? ActivePromotion,
    IReadOnlyList<CatalogChannelView> Channels);

/// <param name="Error">The listing error the channel returned, or why the fabric held the listing back (validation, price band).</param>
public sealed record CatalogChannelView(string Channel, long? PublishedVersion, decimal? PublishedPrice, DateTimeOffset? PublishedAt, string? Error, DateTimeOffset? ErrorAt);
