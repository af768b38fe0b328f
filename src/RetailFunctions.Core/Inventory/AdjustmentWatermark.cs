namespace RetailFunctions.Core.Inventory;

/// <summary>Whether the gate has to look up an adjustment's positions to find its stale items.</summary>
public static class AdjustmentWatermark
{
    /// <remarks>
    /// A position's sequence for a source is only ever set by <see cref="PositionAdjustment.Apply"/>, from an
    /// <c>inventory-changes</c> message, and only the gate enqueues those, after raising the watermark to the message's
    /// sequence (snapshots, reservations and returns change counts but keep every source's sequence). So no position
    /// holds a sequence above the watermark found at admission, and an item is stale only when its sequence is below a
    /// position's (<see cref="PositionAdjustment.IsStale"/>): at or above the watermark nothing can be. Below it (a late,
    /// out-of-order adjustment) the positions are read as before. The handler applies the same rule again, so a change
    /// that overtakes this one after the check is still caught there, as it was when every position was read.
    /// </remarks>
    public static bool MayHaveStaleItems(long? watermark, long sequence) => watermark is { } highest && sequence < highest;
}
