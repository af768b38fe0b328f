using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using RetailFunctions.Core.Catalog;
using RetailFunctions.Core.Webhooks;
using RetailFunctions.Functions.Webhooks;

namespace RetailFunctions.Functions.Catalog;

/// <summary><c>POST /api/catalog/changes</c>: 202 with what was queued and what was older than the master, 200 for a repeated change id.</summary>
public sealed class CatalogChangesFunction(CatalogChangeGate gate)
{
    [Function("CatalogChanges")]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "catalog/changes")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        var outcome = await gate.AcceptAsync(request.ToWebhookRequest(), cancellationToken);
        return outcome.Kind switch
        {
            WebhookOutcomeKind.Accepted => Body(outcome, "accepted", StatusCodes.Status202Accepted),
            WebhookOutcomeKind.Duplicate => Body(outcome, "duplicate", StatusCodes.Status200OK),
            _ => new WebhookOutcome(outcome.Kind, Field: outcome.Field, Detail: outcome.Detail).ToActionResult(),
        };
    }

    private static JsonResult Body(CatalogChangeOutcome outcome, string status, int statusCode) =>
        new(new CatalogChangeResponse(status, outcome.Source, outcome.ChangeId, outcome.Queued, outcome.Ignored ?? []), CatalogJson.Default.Options)
        {
            StatusCode = statusCode,
        };
}
