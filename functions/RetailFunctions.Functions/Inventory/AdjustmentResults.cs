using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using RetailFunctions.Core.Inventory;
using RetailFunctions.Core.Webhooks;
using RetailFunctions.Functions.Webhooks;

namespace RetailFunctions.Functions.Inventory;

/// <summary>202 with what was queued and what was ignored as stale, 200 for a duplicate, problem details for rejections.</summary>
internal static class AdjustmentResults
{
    public static IActionResult ToActionResult(this AdjustmentOutcome outcome) => outcome.Kind switch
    {
        WebhookOutcomeKind.Accepted => Body(outcome, "accepted", StatusCodes.Status202Accepted),
        WebhookOutcomeKind.Duplicate => Body(outcome, "duplicate", StatusCodes.Status200OK),
        _ => new WebhookOutcome(outcome.Kind, Field: outcome.Field, Detail: outcome.Detail).ToActionResult(),
    };

    private static JsonResult Body(AdjustmentOutcome outcome, string status, int statusCode) =>
        new(new AdjustmentResponse(status, outcome.Source, outcome.Sequence, outcome.Queued, outcome.Ignored ?? []), InventoryJson.Default.Options)
        {
            StatusCode = statusCode,
        };
}
