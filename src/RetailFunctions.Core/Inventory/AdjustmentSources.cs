namespace RetailFunctions.Core.Inventory;

/// <summary>Who may send inventory adjustments; each numbers its messages with its own increasing sequence.</summary>
public static class AdjustmentSources
{
    public static IReadOnlyList<string> All { get; } = ["erp", "wms", "pos"];

    public static bool IsKnown(string source) => All.Contains(source, StringComparer.Ordinal);
}
