using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
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
            ? Json(await sla.BreachesAsync(limit, cancellationToken), SafetyNetJson.Default.IReadOnlyListSlaBreach)
            : InvalidLimit();

    [Function("AuditEntries")]
    public async Task<IActionResult> Audit(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "audit")] HttpRequest request,
        CancellationToken cancellationToken) =>
        Limit(request) is { } limit
            ? Json(await audit.ListAsync(limit, cancellationToken), SafetyNetJson.Default.IReadOnlyListAuditEntry)
            : InvalidLimit();

    [Function("RecoveryChannels")]
    public async Task<IActionResult> Channels(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "recovery/channels")] HttpRequest request,
        CancellationToken cancellationToken) =>
        Json(await watches.ListAsync(cancellationToken), SafetyNetJson.Default.IReadOnlyListChannelWatch);

    // Serialized by declared type: the stores hand back lists whose runtime type the source-generated context does not know.
    private static ContentResult Json<T>(T value, JsonTypeInfo<T> typeInfo) =>
        new() { Content = JsonSerializer.Serialize(value, typeInfo), ContentType = "application/json; charset=utf-8", StatusCode = StatusCodes.Status200OK };

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
