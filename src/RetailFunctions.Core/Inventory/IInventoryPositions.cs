namespace RetailFunctions.Core.Inventory;

/// <summary>Stock positions per SKU and location; every write is guarded by the row's concurrency token.</summary>
public interface IInventoryPositions
{
    /// <summary>Every location of the SKU; empty when it is unknown.</summary>
    Task<IReadOnlyList<StockPosition>> ForSkuAsync(string sku, CancellationToken cancellationToken);

    /// <summary>Every location of each SKU, read now; an unknown SKU has none.</summary>
    Task<IReadOnlyDictionary<string, IReadOnlyList<StockPosition>>> ForSkusAsync(IReadOnlyCollection<string> skus, CancellationToken cancellationToken);

    Task<StockPosition?> FindAsync(StockKey key, CancellationToken cancellationToken);

    /// <summary>
    /// Applies every item of one adjustment message (one per SKU and location) under the sequence rule (an item older
    /// than the position's last sequence from the same source is stale), retrying on concurrent writes; returns the
    /// decisions in the items' order.
    /// </summary>
    Task<IReadOnlyList<AdjustmentDecision>> ApplyAllAsync(string source, long sequence, IReadOnlyList<AdjustmentItem> items, CancellationToken cancellationToken);

    /// <summary>Sets on-hand (and in-transit when given) to the counted values; returns what changed.</summary>
    Task<SnapshotCorrection?> CorrectAsync(SnapshotRow row, CancellationToken cancellationToken);
}
