namespace RetailFunctions.Core.Inventory;

/// <summary>
/// A message on <c>inventory-changes</c>: part of one adjustment (large ones are split so each message stays well under
/// the queue's 64 KiB). <paramref name="ReceivedAt"/> is when the fabric first saw the change, the start of the sync lag.
/// </summary>
public sealed record InventoryChange(
    string Source,
    long Sequence,
    DateTimeOffset OccurredAt,
    DateTimeOffset ReceivedAt,
    IReadOnlyList<AdjustmentItem> Items,
    string? TraceParent);
