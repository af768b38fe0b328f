using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using RetailFunctions.Core.Catalog;

namespace RetailFunctions.Functions.Catalog.Promotions;

/// <summary><see cref="ICatalogPromotionScheduler"/> over the invocation's <c>[DurableClient]</c>: one orchestration per promotion id.</summary>
public sealed class DurablePromotionScheduler(DurableTaskClient client) : ICatalogPromotionScheduler
{
    public async Task<bool> ScheduleAsync(CatalogPromotion promotion, CancellationToken cancellationToken)
    {
        var instanceId = CatalogPromotionOrchestrator.InstanceId(promotion.PromotionId);
        if (await client.GetInstanceAsync(instanceId, cancellationToken) is not null)
        {
            return false;
        }

        try
        {
            await client.ScheduleNewOrchestrationInstanceAsync(CatalogPromotionOrchestrator.Name, promotion, new StartOrchestrationOptions(instanceId), cancellationToken);
            return true;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Another delivery of the same promotion may have started it between our check and our start: that is the goal.
            if (await client.GetInstanceAsync(instanceId, CancellationToken.None) is null)
            {
                throw;
            }

            return false;
        }
    }
}
