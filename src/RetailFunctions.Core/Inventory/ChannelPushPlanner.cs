namespace RetailFunctions.Core.Inventory;

/// <summary>
/// What one dispatcher run sends to a channel: values it already shows are dropped, the rest go one per single call
/// (<see cref="Singles"/>) or in API-sized <see cref="Batches"/>, within the calls the channel's limits allow now.
/// Values in neither stay pending for a later run.
/// </summary>
public sealed record ChannelPushPlan(IReadOnlyList<PendingPush> Unchanged, IReadOnlyList<PendingPush> Singles, IReadOnlyList<IReadOnlyList<PendingPush>> Batches);

public static class ChannelPushPlanner
{
    /// <param name="singleCalls">Single-value calls the channel takes now (0 when it has no single-value path).</param>
    /// <param name="batchCalls">Batch calls the channel takes now.</param>
    public static ChannelPushPlan Plan(
        IReadOnlyList<PendingPush> pending,
        IReadOnlyDictionary<string, ChannelListing> listings,
        ChannelInventoryOptions rules,
        int lowStockThreshold,
        int singleCalls,
        int batchCalls,
        DateTimeOffset now)
    {
        var unchanged = new List<PendingPush>();
        var changed = new List<PendingPush>();
        foreach (var push in pending)
        {
            (listings.TryGetValue(push.Sku, out var listing) && listing.LastPushed == push.Desired ? unchanged : changed).Add(push);
        }

        // Low stock is where overselling happens: those values go first, the emptiest first; the rest oldest first.
        var ordered = changed
            .OrderBy(p => IsLow(p, lowStockThreshold) ? 0 : 1)
            .ThenBy(p => IsLow(p, lowStockThreshold) ? p.Desired : 0)
            .ThenBy(p => p.FirstSeenAt)
            .ThenBy(p => p.Sku, StringComparer.Ordinal)
            .ToArray();
        if (rules.SingleCallsPerSecond <= 0)
        {
            return new ChannelPushPlan(unchanged, [], Chunk(ordered, rules.MaxBatchSize, batchCalls));
        }

        if (ordered.Length <= singleCalls)
        {
            return new ChannelPushPlan(unchanged, ordered, []);
        }

        // More values than single calls. A batch will carry the older ones soon if one may go, so single calls then
        // serve the newest, which would otherwise wait longest; with no batch in sight the oldest, so none starves.
        var lowStock = ordered.TakeWhile(p => IsLow(p, lowStockThreshold)).ToArray();
        var others = ordered.Skip(lowStock.Length);
        var singles = lowStock.Concat(batchCalls > 0 ? others.Reverse() : others).Take(singleCalls).ToHashSet();
        var rest = ordered.Where(p => !singles.Contains(p)).ToArray();
        // The fewer batch calls are left, the longer values gather, so a long burst does not spend them all at its start.
        // A quiet spell is the end of a burst, which happens once per burst: then the values go whatever is left.
        var scarcity = batchCalls >= rules.BatchCallBurst ? 1.0 : (double)rules.BatchCallBurst / Math.Max(1, batchCalls);
        var batchDue = batchCalls > 0
            && (rest.Min(p => p.FirstSeenAt) <= now - (rules.BatchAfter * scarcity)
                || ordered.Max(p => p.LastMarkedAt) <= now - rules.BatchWhenQuietFor);
        return new ChannelPushPlan(
            unchanged,
            ordered.Where(singles.Contains).ToArray(),
            batchDue ? Chunk(rest, rules.MaxBatchSize, batchCalls) : []);
    }

    private static bool IsLow(PendingPush push, int lowStockThreshold) => push.Desired <= lowStockThreshold;

    private static IReadOnlyList<PendingPush>[] Chunk(PendingPush[] values, int size, int calls) =>
        [.. values.Chunk(size).Take(calls)];
}
