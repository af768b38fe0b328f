namespace RetailFunctions.Core.Catalog;

/// <summary>A file with the same content is still being queued by another run; thrown so that the trigger retries.</summary>
public sealed class CatalogFileInProgressException(string source, string name)
    : Exception($"Catalog file {source}/{name}: a file with the same content is still being queued by another run; retry later.");
