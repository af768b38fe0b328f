namespace RetailFunctions.Core.Inventory;

/// <summary>
/// Which SKUs each channel must be told about, and what it was last sent. One pending row per channel and SKU however
/// often the SKU changes; the value is worked out from the positions when it is pushed, so the latest always wins.
/// </summary>
public interface IInventorySyncStore
{
    /// <summary>Marks the SKUs as changed for the channel; keeps the time each one's first unpushed change was seen.</summary>
    Task MarkPendingAsync(string channel, IReadOnlyCollection<string> skus, DateTimeOffset seenAt, CancellationToken cancellationToken);

    Task<IReadOnlyList<PendingChange>> PendingAsync(string channel, int max, CancellationToken cancellationToken);

    /// <summary>The last value confirmed by the channel, for those of <paramref name="skus"/> ever pushed.</summary>
    Task<IReadOnlyDictionary<string, ChannelListing>> ListingsAsync(string channel, IReadOnlyCollection<string> skus, CancellationToken cancellationToken);

    /// <summary>
    /// Remembers the pushed values and clears their pending rows, unless the SKU changed again meanwhile
    /// (it stays pending and goes in the next push).
    /// </summary>
    Task ConfirmAsync(string channel, IReadOnlyList<PendingPush> pushed, DateTimeOffset confirmedAt, CancellationToken cancellationToken);

    /// <summary>Clears pending rows whose value the channel already shows.</summary>
    Task DropAsync(string channel, IReadOnlyList<PendingPush> unchanged, CancellationToken cancellationToken);
}

/// <param name="Version">The pending row's concurrency token, so confirming never clears a newer change.</param>
/// <param name="LastMarkedAt">When a change last marked it (the store's clock): tells whether changes are still coming.</param>
public sealed record PendingChange(string Sku, DateTimeOffset FirstSeenAt, string Version, DateTimeOffset LastMarkedAt);

/// <summary>A pending change with the value the channel should show now.</summary>
public sealed record PendingPush(string Sku, int Desired, DateTimeOffset FirstSeenAt, string Version, DateTimeOffset LastMarkedAt);

public sealed record ChannelListing(string Sku, int LastPushed, DateTimeOffset LastPushedAt);
