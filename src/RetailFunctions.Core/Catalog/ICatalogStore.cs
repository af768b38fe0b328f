namespace RetailFunctions.Core.Catalog;

/// <summary>The versioned master records with their promotions and per-channel publication state.</summary>
public interface ICatalogStore
{
    Task<CatalogEntry?> FindAsync(string sku, CancellationToken cancellationToken);

    /// <summary>The entries of those of <paramref name="skus"/> with a master record.</summary>
    Task<IReadOnlyDictionary<string, CatalogEntry>> FindManyAsync(IReadOnlyCollection<string> skus, CancellationToken cancellationToken);

    /// <summary>
    /// Merges the change into the master record unless the record already has that version or a newer one; safe
    /// against concurrent writers (optimistic concurrency, retried).
    /// </summary>
    Task<CatalogApplyResult> ApplyAsync(CatalogItemChange change, string source, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Records that an operator confirmed <paramref name="price"/>; false when it is not the master's current price (or no master).</summary>
    Task<bool> ReviewPriceAsync(string sku, decimal price, CancellationToken cancellationToken);

    Task SaveChannelStatesAsync(string channel, IReadOnlyList<(string Sku, CatalogChannelState State)> states, CancellationToken cancellationToken);

    /// <summary>Sets or clears (<paramref name="promotion"/> null) the SKU's running promotion; clearing only removes <paramref name="promotionId"/>.</summary>
    Task SetPromotionAsync(string sku, string promotionId, ActivePromotion? promotion, CancellationToken cancellationToken);

    /// <summary>Every SKU with a master record (starting with <paramref name="skuPrefix"/>, when given), in pages, for the consistency check.</summary>
    IAsyncEnumerable<IReadOnlyList<CatalogEntry>> AllAsync(int pageSize, string? skuPrefix, CancellationToken cancellationToken);
}

/// <param name="CurrentVersion">The master's version after the call: the change's when applied, the newer one when stale.</param>
public sealed record CatalogApplyResult(bool Applied, long CurrentVersion);
