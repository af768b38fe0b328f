namespace RetailFunctions.Core.Webhooks;

/// <summary>
/// Looks up a signed request's items against their stored state, a bounded number at a time, and returns the ones the
/// store already has something newer for, in the request's order, so the answer lists them as the sender sent them.
/// </summary>
public static class StaleItemCheck
{
    private const int Parallelism = 16;

    public static async Task<IReadOnlyList<TStale>> FindAsync<TItem, TStale>(
        IReadOnlyList<TItem> items, Func<TItem, CancellationToken, ValueTask<TStale?>> staleness, CancellationToken cancellationToken)
        where TStale : class
    {
        var found = new TStale?[items.Count];
        await Parallel.ForAsync(
            0,
            items.Count,
            new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellationToken },
            async (index, token) => found[index] = await staleness(items[index], token));
        return [.. found.OfType<TStale>()];
    }
}
