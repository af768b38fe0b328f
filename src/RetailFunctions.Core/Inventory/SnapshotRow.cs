namespace RetailFunctions.Core.Inventory;

/// <summary>One counted line of a snapshot file; <paramref name="InTransit"/> is null when the file has no such column.</summary>
public sealed record SnapshotRow(int Line, string Sku, string Location, long OnHand, long? InTransit)
{
    public StockKey Key => new(Sku, Location);
}

/// <summary>A position the snapshot put right: what the fabric held and what the count says.</summary>
public sealed record SnapshotCorrection(string Sku, string Location, long OnHandBefore, long OnHandAfter, long InTransitBefore, long InTransitAfter);
