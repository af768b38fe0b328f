namespace RetailFunctions.Core.Catalog;

/// <summary>A product file that cannot be read; <see cref="LineNumber"/> (1-based) and <see cref="Field"/> name the culprit.</summary>
public sealed class CatalogFileFormatException(int? lineNumber, string field, string message)
    : Exception(lineNumber is null ? message : $"line {lineNumber}: {message}")
{
    public int? LineNumber { get; } = lineNumber;

    public string Field { get; } = field;
}
