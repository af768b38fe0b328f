using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace RetailFunctions.Core.Catalog;

/// <summary>
/// The master record of one SKU as the ERP and PIM last described it. <see cref="Version"/> is the sender's: a change
/// with a version at or below it is older news and never overwrites it.
/// </summary>
public sealed record CatalogRecord(
    string Sku,
    long Version,
    string? Title,
    string? Description,
    string? Brand,
    string? Gtin,
    IReadOnlyDictionary<string, string> Attributes,
    decimal? Price,
    string? Currency,
    string? TaxClass,
    string Status,
    string? Source,
    DateTimeOffset UpdatedAt)
{
    /// <summary>A price an operator confirmed after the price band held it: published even though it is outside the band.</summary>
    public decimal? ReviewedPrice { get; init; }

    /// <summary>A SKU nothing is known about yet: a first partial change merges into this.</summary>
    public static CatalogRecord Empty(string sku) =>
        new(sku, 0, null, null, null, null, new Dictionary<string, string>(), null, null, null, CatalogStatuses.Active, null, DateTimeOffset.MinValue);

    /// <summary>The record with the change's fields laid over it; attributes merge by name.</summary>
    public CatalogRecord Merge(CatalogItemChange change, string source, DateTimeOffset now)
    {
        var attributes = new Dictionary<string, string>(Attributes, StringComparer.Ordinal);
        foreach (var (name, value) in change.Attributes ?? new Dictionary<string, string>())
        {
            attributes[name] = value;
        }

        return this with
        {
            Version = change.Version,
            Title = change.Title ?? Title,
            Description = change.Description ?? Description,
            Brand = change.Brand ?? Brand,
            Gtin = change.Gtin ?? Gtin,
            Attributes = attributes,
            Price = change.Price ?? Price,
            Currency = change.Currency ?? Currency,
            TaxClass = change.TaxClass ?? TaxClass,
            Status = change.Status ?? Status,
            Source = source,
            UpdatedAt = now,
        };
    }

    /// <summary>Hash of what a listing shows besides its price, so a price-only change goes by the channel's price call.</summary>
    public string ContentHash()
    {
        var text = new StringBuilder()
            .Append(Title).Append('\u001f').Append(Description).Append('\u001f').Append(Brand).Append('\u001f')
            .Append(Gtin).Append('\u001f').Append(TaxClass).Append('\u001f').Append(Status).Append('\u001f').Append(Currency);
        foreach (var (name, value) in Attributes.OrderBy(a => a.Key, StringComparer.Ordinal))
        {
            text.Append('\u001e').Append(name).Append('=').Append(value);
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())))[..32];
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Sku} v{Version}");
}
