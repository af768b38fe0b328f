using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using RetailFunctions.Core.Catalog;

namespace RetailFunctions.Functions.Catalog;

/// <summary>
/// The consistency check: the timer looks every 10 seconds whether <c>Catalog:ConsistencyInterval</c> has passed since
/// the last check (so the interval is configuration, not code); <c>GET /api/catalog/consistency/latest</c> shows the report.
/// </summary>
public sealed class CatalogConsistencyFunction(CatalogConsistencyCheck check, ICatalogConsistencyReports reports)
{
    [Function("CatalogConsistencyCheck")]
    public Task Check([TimerTrigger("*/10 * * * * *")] TimerInfo timer, CancellationToken cancellationToken) =>
        check.RunIfDueAsync(cancellationToken);

    [Function("GetCatalogConsistency")]
    public async Task<IActionResult> Latest(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "catalog/consistency/latest")] HttpRequest request,
        CancellationToken cancellationToken) =>
        await reports.LatestAsync(cancellationToken) is { } report
            ? new JsonResult(report, CatalogJson.Default.Options)
            : new NotFoundObjectResult(new ProblemDetails { Status = StatusCodes.Status404NotFound, Title = "No check yet", Detail = "The consistency check has not run yet." });
}
