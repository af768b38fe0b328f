namespace RetailFunctions.Core.Inventory;

/// <summary>A snapshot file that cannot be applied; the message names the line.</summary>
public sealed class InventorySnapshotFormatException(int line, string problem) : Exception($"line {line}: {problem}")
{
    public int Line { get; } = line;
}
