using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using RetailFunctions.Core.Catalog;
using RetailFunctions.Core.Webhooks;
using RetailFunctions.Functions.Webhooks;

namespace RetailFunctions.Functions.Catalog;

/// <summary><c>POST /api/catalog/{sku}/price-review</c>: 202 released; 409 when the price is not the SKU's current price.</summary>
public sealed class CatalogPriceReviewFunction(CatalogPriceReview review)
{
    [Function("CatalogPriceReview")]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "catalog/{sku}/price-review")] HttpRequest request,
        string sku,
        CancellationToken cancellationToken)
    {
        var (outcome, released) = await review.ReviewAsync(sku, request.ToWebhookRequest(), cancellationToken);
        return outcome.Kind != WebhookOutcomeKind.Accepted ? outcome.ToActionResult()
            : released ? new AcceptedResult($"/api/catalog/{sku}", new { status = "released", sku })
            : new ConflictObjectResult(new ProblemDetails { Status = StatusCodes.Status409Conflict, Title = "Not the current price", Detail = $"'{sku}' has no master record or its current price is another one.", Extensions = { ["field"] = "price" } });
    }
}
