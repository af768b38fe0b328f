namespace RetailFunctions.Core.Catalog;

/// <summary>
/// Which SKUs each channel must be told about. One pending row per channel and SKU however often the SKU changes; what
/// is sent is read from the master when it is published, so the latest version always wins.
/// </summary>
public interface ICatalogPublishQueue
{
    Task MarkPendingAsync(IReadOnlyCollection<string> channels, IReadOnlyCollection<string> skus, DateTimeOffset seenAt, CancellationToken cancellationToken);

    Task<IReadOnlyList<PendingPublication>> PendingAsync(string channel, int max, CancellationToken cancellationToken);

    /// <summary>Clears the rows unless the SKU changed again meanwhile (it stays pending for the next run).</summary>
    Task ClearAsync(string channel, IReadOnlyList<PendingPublication> done, CancellationToken cancellationToken);
}

/// <param name="Version">The pending row's concurrency token.</param>
public sealed record PendingPublication(string Sku, DateTimeOffset FirstSeenAt, string Version);
