using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace RetailFunctions.Core.Catalog;

/// <summary>
/// The activities of a promotion's schedule: at its start each SKU gets the promotion (its price worked out from the
/// base price for a percentage) and the channels in scope are told; at its end it is withdrawn the same way. Both are
/// idempotent, so a replayed or retried activity does no harm.
/// </summary>
public sealed partial class CatalogPromotionSteps(
    ICatalogStore store,
    ICatalogPublishQueue publish,
    TimeProvider time,
    IOptionsMonitor<CatalogOptions> options,
    ILogger<CatalogPromotionSteps> logger)
{
    /// <returns>The SKUs that could not take the promotion (unknown, or no base price for a percentage).</returns>
    public async Task<IReadOnlyList<string>> ActivateAsync(CatalogPromotion promotion, CancellationToken cancellationToken)
    {
        var entries = await store.FindManyAsync(promotion.Skus, cancellationToken);
        var skipped = new List<string>();
        var applied = new List<string>();
        foreach (var sku in promotion.Skus)
        {
            if (!entries.TryGetValue(sku, out var entry) || promotion.PriceFor(entry.Record.Price) is not { } price)
            {
                skipped.Add(sku);
                continue;
            }

            await store.SetPromotionAsync(sku, promotion.PromotionId, new ActivePromotion(promotion.PromotionId, price, promotion.StartsAt, promotion.EndsAt, promotion.Channels, promotion.Stores), cancellationToken);
            applied.Add(sku);
        }

        await publish.MarkPendingAsync(Channels(promotion), applied, time.GetUtcNow(), cancellationToken);
        LogActivated(promotion.PromotionId, applied.Count, skipped.Count);
        return skipped;
    }

    public async Task ExpireAsync(CatalogPromotion promotion, CancellationToken cancellationToken)
    {
        foreach (var sku in promotion.Skus)
        {
            await store.SetPromotionAsync(sku, promotion.PromotionId, null, cancellationToken);
        }

        await publish.MarkPendingAsync(Channels(promotion), promotion.Skus, time.GetUtcNow(), cancellationToken);
        LogExpired(promotion.PromotionId, promotion.Skus.Count);
    }

    private IReadOnlyList<string> Channels(CatalogPromotion promotion) =>
        options.CurrentValue.EnabledChannels().Where(promotion.AppliesTo).ToArray();

    [LoggerMessage(Level = LogLevel.Information, Message = "Promotion {PromotionId} active on {Applied} SKUs ({Skipped} skipped)")]
    private partial void LogActivated(string promotionId, int applied, int skipped);

    [LoggerMessage(Level = LogLevel.Information, Message = "Promotion {PromotionId} ended on {Skus} SKUs")]
    private partial void LogExpired(string promotionId, int skus);
}
