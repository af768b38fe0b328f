using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using RetailFunctions.Core.Webhooks;

namespace RetailFunctions.Functions.Webhooks;

/// <summary>Maps the gate's outcome to the status codes of DESIGN §3, with problem details for rejections.</summary>
internal static class WebhookResults
{
    public static IActionResult ToActionResult(this WebhookOutcome outcome) => outcome.Kind switch
    {
        WebhookOutcomeKind.Accepted => new ObjectResult(new { status = "accepted", eventId = outcome.EventId }) { StatusCode = StatusCodes.Status202Accepted },
        WebhookOutcomeKind.Duplicate => new OkObjectResult(new { status = "duplicate", eventId = outcome.EventId }),
        WebhookOutcomeKind.TooLarge => Problem(StatusCodes.Status413PayloadTooLarge, "Payload too large", outcome),
        WebhookOutcomeKind.UnsupportedMediaType => Problem(StatusCodes.Status415UnsupportedMediaType, "Unsupported media type", outcome),
        WebhookOutcomeKind.Unauthorized => Problem(StatusCodes.Status401Unauthorized, "Signature rejected", outcome),
        WebhookOutcomeKind.Malformed => Problem(StatusCodes.Status400BadRequest, "Malformed webhook", outcome),
        WebhookOutcomeKind.InProgress => InProgress(outcome),
        _ => throw new ArgumentOutOfRangeException(nameof(outcome), outcome.Kind, null),
    };

    /// <summary>503 with <c>Retry-After</c>: every channel redelivers on it, as it would not on a 200.</summary>
    private static IActionResult InProgress(WebhookOutcome outcome) =>
        new RetryAfterResult(Problem(StatusCodes.Status503ServiceUnavailable, "Delivery in progress", outcome with { Detail = "Another delivery of this event is still being admitted; retry shortly." }), RetryAfterSeconds: 2);

    private static ObjectResult Problem(int status, string title, WebhookOutcome outcome)
    {
        var problem = new ProblemDetails { Status = status, Title = title, Detail = outcome.Detail };
        if (outcome.Field is not null)
        {
            problem.Extensions["field"] = outcome.Field;
        }

        return new ObjectResult(problem) { StatusCode = status, ContentTypes = { "application/problem+json" } };
    }
}
