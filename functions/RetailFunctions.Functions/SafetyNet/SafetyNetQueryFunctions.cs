using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using RetailFunctions.Core.Audit;
using RetailFunctions.Core.Recovery;
using RetailFunctions.Core.Serialization;
using RetailFunctions.Core.Sla;

namespace RetailFunctions.Functions.SafetyNet;

/// <summary>
/// What operators read: <c>GET /api/sla/breaches</c>, <c>GET /api/audit</c> (newest first, <c>?limit=</c> up to 1000)
/// and <c>GET /api/recovery/channels</c> (watermarks, last webhook, quiet alerts, orders recovered per channel).
/// </summary>
public sealed class SafetyNetQueryFunctions(ISlaStore sla, IAuditTrail audit, IChannelWatchStore watches)
{
    private const int DefaultLimit = 100;
    private const int MaxLimit = 1000;

    [Function("SlaBreaches")]
    public async Task<IActionResult> Breaches(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "sla/breaches")] HttpRequest request,
        CancellationToken cancellationToken) =>
        Limit(request) is { } limit
            ? new JsonResult(await sla.BreachesAsync(limit, cancellationToken), SafetyNetJson.Default.Options)
            : InvalidLimit();

    [Function("AuditEntries")]
    public async Task<IActionResult> Audit(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "audit")] HttpRequest request,
        CancellationToken cancellationToken) =>
        Limit(request) is { } limit
            ? new JsonResult(await audit.ListAsync(limit, cancellationToken), SafetyNetJson.Default.Options)
            : InvalidLimit();

    [Function("RecoveryChannels")]
    public async Task<IActionResult> Channels(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "recovery/channels")] HttpRequest request,
        CancellationToken cancellationToken) =>
        new JsonResult(await watches.ListAsync(cancellationToken), SafetyNetJson.Default.Options);

    private static int? Limit(HttpRequest request) =>
        !request.Query.TryGetValue("limit", out var value) ? DefaultLimit
        : int.TryParse(value, out var limit) && limit is >= 1 and <= MaxLimit ? limit
        : null;

    private static BadRequestObjectResult InvalidLimit() => new(new ProblemDetails
    {
        Status = StatusCodes.Status400BadRequest,
        Title = "Invalid limit",
        Detail = $"limit must be a whole number from 1 to {MaxLimit}.",
        Extensions = { ["field"] = "limit" },
    });
}
