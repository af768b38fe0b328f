namespace RetailFunctions.Simulators.Channels;

/// <summary><c>PUT /_sim/{channel}/catalog/rejections</c>: listings of these SKUs are refused with the reason.</summary>
public sealed record CatalogRejections(IReadOnlyList<string> Skus, string? Reason);

/// <summary><c>PUT /_sim/{channel}/catalog/{sku}</c>: the channel's price changed behind the fabric's back.</summary>
public sealed record CatalogTamper(decimal Price);
