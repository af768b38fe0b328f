namespace RetailFunctions.Core.Catalog;

/// <summary>
/// What one channel holds of a SKU as far as the fabric knows: the version and price it last accepted, and the error
/// that stops the current version from reaching it (a channel's listing error, or a validation hold).
/// </summary>
/// <param name="PublishedBasePrice">The base price behind <paramref name="PublishedPrice"/> (which may be a promotion's): what the price band compares with.</param>
/// <param name="PublishedHash">What was sent, content and prices, so an unchanged SKU is not sent again.</param>
/// <param name="ErrorVersion">The master version the error is about.</param>
public sealed record CatalogChannelState(
    string Channel,
    long? PublishedVersion,
    decimal? PublishedPrice,
    decimal? PublishedBasePrice,
    string? PublishedContentHash,
    string? PublishedHash,
    DateTimeOffset? PublishedAt,
    string? Error,
    long? ErrorVersion,
    DateTimeOffset? ErrorAt)
{
    public static CatalogChannelState None(string channel) => new(channel, null, null, null, null, null, null, null, null, null);

    public CatalogChannelState Published(long version, decimal price, decimal basePrice, string contentHash, string hash, DateTimeOffset at) =>
        this with { PublishedVersion = version, PublishedPrice = price, PublishedBasePrice = basePrice, PublishedContentHash = contentHash, PublishedHash = hash, PublishedAt = at, Error = null, ErrorVersion = null, ErrorAt = null };

    public CatalogChannelState Failed(long version, string error, DateTimeOffset at) =>
        this with { Error = error, ErrorVersion = version, ErrorAt = at };
}
