namespace RetailFunctions.Core.Catalog;

/// <summary>Why a product file was quarantined: the sidecar <c>{name}.reason.json</c> beside the copy in <c>catalog-quarantine</c>.</summary>
/// <param name="LineNumber">1-based line that could not be read; null when the file as a whole was refused.</param>
public sealed record CatalogQuarantineReason(string Source, string FileName, int? LineNumber, string Field, string Message, string ContentHash, DateTimeOffset QuarantinedAt);
