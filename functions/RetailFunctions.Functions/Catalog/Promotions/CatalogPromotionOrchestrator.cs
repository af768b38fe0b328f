using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using RetailFunctions.Core.Catalog;

namespace RetailFunctions.Functions.Catalog.Promotions;

/// <summary>
/// One promotion's schedule, instance <c>promotion-{promotionId}</c>: a durable timer until its start, activate, a
/// durable timer until its end, withdraw. Timers survive restarts, so a weekend promotion starts and ends on time.
/// Deterministic: time comes from the context, all I/O is in <see cref="CatalogPromotionActivities"/>.
/// </summary>
public static class CatalogPromotionOrchestrator
{
    public const string Name = "CatalogPromotion";

    private static readonly TaskOptions Retry = TaskOptions.FromRetryPolicy(new RetryPolicy(8, TimeSpan.FromSeconds(1), 2, TimeSpan.FromSeconds(30)));

    public static string InstanceId(string promotionId) => $"promotion-{promotionId}";

    [Function(Name)]
    public static async Task<string> RunAsync([OrchestrationTrigger] TaskOrchestrationContext context)
    {
        var promotion = context.GetInput<CatalogPromotion>() ?? throw new InvalidOperationException("CatalogPromotion needs an input.");
        if (promotion.StartsAt.UtcDateTime > context.CurrentUtcDateTime)
        {
            await context.CreateTimer(promotion.StartsAt.UtcDateTime, CancellationToken.None);
        }

        if (promotion.EndsAt.UtcDateTime > context.CurrentUtcDateTime)
        {
            await context.CallActivityAsync<IReadOnlyList<string>>(CatalogPromotionActivities.Activate, promotion, Retry);
            await context.CreateTimer(promotion.EndsAt.UtcDateTime, CancellationToken.None);
        }

        await context.CallActivityAsync(CatalogPromotionActivities.Expire, promotion, Retry);
        return "Ended";
    }
}
