namespace RetailFunctions.Core.Catalog;

/// <summary>
/// An effective-dated price: from <see cref="StartsAt"/> to <see cref="EndsAt"/> the SKUs sell at <see cref="Price"/>
/// (or <see cref="PercentOff"/> below their base price) on <see cref="Channels"/> (empty: every channel) and, on POS, in
/// <see cref="Stores"/> (empty: every store).
/// </summary>
public sealed record CatalogPromotion(
    string PromotionId,
    IReadOnlyList<string> Skus,
    decimal? Price,
    decimal? PercentOff,
    DateTimeOffset StartsAt,
    DateTimeOffset EndsAt,
    IReadOnlyList<string> Channels,
    IReadOnlyList<string> Stores)
{
    public bool AppliesTo(string channel) => Channels.Count == 0 || Channels.Contains(channel, StringComparer.OrdinalIgnoreCase);

    public bool AppliesToStore(string store) => Stores.Count == 0 || Stores.Contains(store, StringComparer.OrdinalIgnoreCase);

    /// <summary>The promotion price for a base price, rounded to the cent; null when there is no base price to take a percentage of.</summary>
    public decimal? PriceFor(decimal? basePrice) =>
        Price ?? (basePrice is { } price && PercentOff is { } off ? Math.Round(price * (100 - off) / 100, 2, MidpointRounding.AwayFromZero) : null);
}

/// <summary>A promotion as it runs on one SKU: shown by <c>GET /api/catalog/{sku}</c> while it is active.</summary>
public sealed record ActivePromotion(
    string PromotionId,
    decimal Price,
    DateTimeOffset StartsAt,
    DateTimeOffset EndsAt,
    IReadOnlyList<string> Channels,
    IReadOnlyList<string> Stores)
{
    public bool AppliesTo(string channel) => Channels.Count == 0 || Channels.Contains(channel, StringComparer.OrdinalIgnoreCase);

    public bool AppliesToStore(string store) => Stores.Count == 0 || Stores.Contains(store, StringComparer.OrdinalIgnoreCase);
}
