namespace RetailFunctions.Core.Catalog;

/// <summary>
/// A channel's listing and price API. <see cref="PublishAsync"/> answers per SKU: accepted, or the channel's listing
/// error. Throws <see cref="BackOffice.BackOfficeUnavailableException"/> (with <c>RetryAfter</c> when throttled) or
/// <see cref="BackOffice.BackOfficeRejectedException"/> when the call as a whole failed.
/// </summary>
public interface ICatalogChannelApi
{
    string Channel { get; }

    Task<IReadOnlyList<ListingResult>> PublishAsync(IReadOnlyList<ChannelProduct> products, CancellationToken cancellationToken);

    /// <summary>What the channel holds for <paramref name="skus"/> (missing ones are absent), for the consistency check.</summary>
    Task<IReadOnlyDictionary<string, ChannelHolding>> ReadAsync(IReadOnlyList<string> skus, CancellationToken cancellationToken);
}

/// <summary>A listing as sent to a channel.</summary>
/// <param name="IsNew">Never accepted by the channel before: a full listing, not a price update.</param>
/// <param name="ContentChanged">Title, description, identifiers or attributes changed since the last accepted version.</param>
/// <param name="StorePrices">POS only: the price per store.</param>
public sealed record ChannelProduct(
    string Sku,
    long Version,
    string? Title,
    string? Description,
    string? Brand,
    string? Gtin,
    IReadOnlyDictionary<string, string> Attributes,
    decimal Price,
    string Currency,
    string? TaxClass,
    string Status,
    bool IsNew,
    bool ContentChanged,
    IReadOnlyDictionary<string, decimal> StorePrices);

/// <param name="Error">Null when the channel accepted the listing.</param>
public sealed record ListingResult(string Sku, string? Error);

/// <summary>What a channel shows for a SKU: its price (for POS, the price at every store).</summary>
public sealed record ChannelHolding(string Sku, decimal? Price, IReadOnlyDictionary<string, decimal> StorePrices);
