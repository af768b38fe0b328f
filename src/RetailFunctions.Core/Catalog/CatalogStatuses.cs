namespace RetailFunctions.Core.Catalog;

/// <summary>A product's life on the channels: <c>active</c> is listed and sellable, <c>inactive</c> is withdrawn.</summary>
public static class CatalogStatuses
{
    public const string Active = "active";
    public const string Inactive = "inactive";

    public static IReadOnlyList<string> All { get; } = [Active, Inactive];

    public static bool IsKnown(string status) => All.Contains(status, StringComparer.Ordinal);
}
