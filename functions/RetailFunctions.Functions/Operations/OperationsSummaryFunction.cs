using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using RetailFunctions.Core.Operations;
using RetailFunctions.Infrastructure.Operations;

namespace RetailFunctions.Functions.Operations;

/// <summary><c>GET /api/ops/summary</c>: orders by status, queue and poison depths, inventory sync lag, settlement exceptions, failures.</summary>
public sealed class OperationsSummaryFunction(StorageOperationsSummary summary)
{
    [Function("OperationsSummary")]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "ops/summary")] HttpRequest request,
        CancellationToken cancellationToken) =>
        new JsonResult(await summary.ReadAsync(cancellationToken), OperationsJson.Default.Options);
}
