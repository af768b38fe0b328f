namespace RetailFunctions.Core.Inventory;

/// <summary>What one dispatcher run sends to a channel: unchanged values dropped, low stock first, batches sized for the API.</summary>
public sealed record ChannelPushPlan(IReadOnlyList<PendingPush> Unchanged, IReadOnlyList<IReadOnlyList<PendingPush>> Batches);

public static class ChannelPushPlanner
{
    public static ChannelPushPlan Plan(
        IReadOnlyList<PendingPush> pending,
        IReadOnlyDictionary<string, ChannelListing> listings,
        ChannelInventoryOptions rules,
        int lowStockThreshold)
    {
        var unchanged = new List<PendingPush>();
        var changed = new List<PendingPush>();
        foreach (var push in pending)
        {
            (listings.TryGetValue(push.Sku, out var listing) && listing.LastPushed == push.Desired ? unchanged : changed).Add(push);
        }

        // Low stock is where overselling happens: those values go first, the emptiest first; the rest oldest first.
        var ordered = changed
            .OrderBy(p => p.Desired <= lowStockThreshold ? 0 : 1)
            .ThenBy(p => p.Desired <= lowStockThreshold ? p.Desired : 0)
            .ThenBy(p => p.FirstSeenAt)
            .ThenBy(p => p.Sku, StringComparer.Ordinal)
            .ToArray();
        var batchSize = ordered.Length <= rules.SingleItemMaxCount ? 1 : rules.MaxBatchSize;
        return new ChannelPushPlan(unchanged, ordered.Chunk(batchSize).ToArray());
    }
}
