namespace RetailFunctions.Simulators.Channels;

/// <summary>A product as a channel shows it.</summary>
/// <param name="Store">POS: the store whose price list holds it; null for channel-wide listings.</param>
/// <param name="Updates">How many times it was written, so tests can see that unchanged listings are not sent again.</param>
public sealed record CatalogListing(
    string Sku,
    string? Store,
    string? Title,
    string? Brand,
    string? Gtin,
    decimal? Price,
    string? Currency,
    string Status,
    DateTimeOffset UpdatedAt,
    int Updates);
