namespace RetailFunctions.Core.Inventory;

/// <summary>A parsed <c>POST /api/inventory/adjustments</c> body, items folded to one per SKU and location.</summary>
public sealed record InventoryAdjustment(string Source, long Sequence, DateTimeOffset OccurredAt, IReadOnlyList<AdjustmentItem> Items);

/// <summary>
/// A count (<paramref name="OnHand"/>, then <paramref name="Delta"/> on top of it) or a movement (<paramref name="Delta"/> alone).
/// </summary>
public sealed record AdjustmentItem(string Sku, string Location, long? OnHand, long Delta)
{
    public StockKey Key => new(Sku, Location);
}

public readonly record struct StockKey(string Sku, string Location);
