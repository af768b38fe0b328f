using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RetailFunctions.Core.Webhooks;

namespace RetailFunctions.Core.Catalog;

/// <summary>
/// <c>POST /api/catalog/promotions</c>, signed like catalog changes: size (413), content type (415), signature (401),
/// parse (400 naming the field), then the promotion's schedule is started once per promotion id (202; 200 when the
/// id was sent before). A rejected request starts nothing.
/// </summary>
public sealed partial class CatalogPromotionGate(
    TimeProvider time,
    IOptions<WebhookOptions> webhookOptions,
    IOptionsMonitor<CatalogOptions> options,
    ILogger<CatalogPromotionGate> logger)
{
    public async Task<(WebhookOutcome Outcome, CatalogPromotion? Promotion)> AcceptAsync(WebhookHttpRequest request, ICatalogPromotionScheduler scheduler, CancellationToken cancellationToken)
    {
        var (body, rejection) = await SignedJsonBody.ReadAsync(request, webhookOptions.Value.MaxBodyBytes, options.CurrentValue.ActiveSecrets(), time.GetUtcNow(), cancellationToken);
        if (rejection is not null)
        {
            LogRejected(rejection.Kind, rejection.Field);
            return (new WebhookOutcome(rejection.Kind, Field: rejection.Field, Detail: rejection.Detail), null);
        }

        CatalogPromotion promotion;
        try
        {
            promotion = CatalogPromotionParser.Parse(body, time.GetUtcNow());
        }
        catch (WebhookPayloadException ex)
        {
            LogRejected(WebhookOutcomeKind.Malformed, ex.Field);
            return (new WebhookOutcome(WebhookOutcomeKind.Malformed, Field: ex.Field, Detail: ex.Message), null);
        }

        var started = await scheduler.ScheduleAsync(promotion, cancellationToken);
        LogScheduled(promotion.PromotionId, promotion.Skus.Count, promotion.StartsAt, promotion.EndsAt, started);
        return (new WebhookOutcome(started ? WebhookOutcomeKind.Accepted : WebhookOutcomeKind.Duplicate, promotion.PromotionId), promotion);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Promotion {PromotionId} on {Skus} SKUs from {StartsAt:o} to {EndsAt:o}: scheduled {Started}")]
    private partial void LogScheduled(string promotionId, int skus, DateTimeOffset startsAt, DateTimeOffset endsAt, bool started);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Promotion rejected: {Reason} ({Field})")]
    private partial void LogRejected(WebhookOutcomeKind reason, string field);
}
