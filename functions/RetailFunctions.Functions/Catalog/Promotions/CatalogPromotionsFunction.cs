using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using RetailFunctions.Core.Catalog;
using RetailFunctions.Functions.Webhooks;

namespace RetailFunctions.Functions.Catalog.Promotions;

/// <summary><c>POST /api/catalog/promotions</c> (<c>X-Retail-Signature</c>): 202 scheduled, 200 when the promotion id was sent before.</summary>
public sealed class CatalogPromotionsFunction(CatalogPromotionGate gate)
{
    [Function("CatalogPromotions")]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "catalog/promotions")] HttpRequest request,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken)
    {
        var (outcome, _) = await gate.AcceptAsync(request.ToWebhookRequest(), new DurablePromotionScheduler(client), cancellationToken);
        return outcome.ToActionResult();
    }
}
