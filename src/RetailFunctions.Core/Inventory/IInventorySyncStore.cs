namespace RetailFunctions.Core.Inventory;

/// <summary>
/// What each channel should show and what it was last sent. One pending value per channel and SKU: a newer value
/// replaces an older one that was not pushed yet, which is how bursts coalesce.
/// </summary>
public interface IInventorySyncStore
{
    /// <summary>Records the value the channel should now show; keeps the time the first unpushed change was seen.</summary>
    Task MarkPendingAsync(string channel, string sku, int desired, DateTimeOffset seenAt, CancellationToken cancellationToken);

    Task<IReadOnlyList<PendingPush>> PendingAsync(string channel, int max, CancellationToken cancellationToken);

    /// <summary>The last value confirmed by the channel, for those of <paramref name="skus"/> ever pushed.</summary>
    Task<IReadOnlyDictionary<string, ChannelListing>> ListingsAsync(string channel, IReadOnlyCollection<string> skus, CancellationToken cancellationToken);

    /// <summary>
    /// Remembers the pushed values and clears their pending rows, unless a newer value arrived meanwhile
    /// (that one stays pending and goes in the next push).
    /// </summary>
    Task ConfirmAsync(string channel, IReadOnlyList<PendingPush> pushed, DateTimeOffset confirmedAt, CancellationToken cancellationToken);

    /// <summary>Clears pending rows whose value the channel already shows.</summary>
    Task DropAsync(string channel, IReadOnlyList<PendingPush> unchanged, CancellationToken cancellationToken);
}

/// <param name="Version">The pending row's concurrency token, so confirming never clears a newer value.</param>
public sealed record PendingPush(string Sku, int Desired, DateTimeOffset FirstSeenAt, string Version);

public sealed record ChannelListing(string Sku, int LastPushed, DateTimeOffset LastPushedAt);
