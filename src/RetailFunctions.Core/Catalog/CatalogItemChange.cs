namespace RetailFunctions.Core.Catalog;

/// <summary>
/// One SKU's change from the ERP or PIM: <see cref="Sku"/> and <see cref="Version"/> always, the rest only when it
/// changed (null leaves the master's value as it is).
/// </summary>
public sealed record CatalogItemChange(
    string Sku,
    long Version,
    string? Title = null,
    string? Description = null,
    string? Brand = null,
    string? Gtin = null,
    IReadOnlyDictionary<string, string>? Attributes = null,
    decimal? Price = null,
    string? Currency = null,
    string? TaxClass = null,
    string? Status = null);
