using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using RetailFunctions.Infrastructure.Events;

namespace RetailFunctions.Functions.Events;

/// <summary><c>GET /api/events/recent?limit=50</c>: the newest outbox rows and whether each was published, for local inspection.</summary>
public sealed class RecentEventsFunction(TableOutbox outbox)
{
    private const int DefaultLimit = 50;
    private const int MaxLimit = 500;

    [Function("RecentEvents")]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "events/recent")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        var limit = DefaultLimit;
        if (request.Query.TryGetValue("limit", out var value) && (!int.TryParse(value, out limit) || limit is < 1 or > MaxLimit))
        {
            return new BadRequestObjectResult(new ProblemDetails
            {
                Status = StatusCodes.Status400BadRequest,
                Title = "Invalid limit",
                Detail = $"limit must be a whole number from 1 to {MaxLimit}.",
                Extensions = { ["field"] = "limit" },
            });
        }

        var entries = await outbox.RecentAsync(limit, cancellationToken);
        return new JsonResult(entries, RetailEventJson.Default.Options);
    }
}
