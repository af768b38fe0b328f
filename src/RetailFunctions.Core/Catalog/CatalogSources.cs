namespace RetailFunctions.Core.Catalog;

/// <summary>Systems product and price data come from.</summary>
public static class CatalogSources
{
    public const string Erp = "erp";
    public const string Pim = "pim";

    public static IReadOnlyList<string> All { get; } = [Erp, Pim];

    public static bool IsKnown(string source) => All.Contains(source, StringComparer.Ordinal);
}
