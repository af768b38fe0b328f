using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using RetailFunctions.Core.Settlements.Processing;

namespace RetailFunctions.Functions.Settlements;

public sealed class SettlementQueryFunction(ISettlementStore store)
{
    [Function("GetSettlement")]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "settlements/{channel}/{settlementId}")] HttpRequest request,
        string channel,
        string settlementId,
        CancellationToken cancellationToken)
    {
        var settlement = await store.FindOverviewAsync(channel.ToLowerInvariant(), settlementId, cancellationToken);
        return settlement is null
            ? new NotFoundObjectResult(new ProblemDetails { Status = StatusCodes.Status404NotFound, Title = "Settlement not found", Detail = $"No {channel} settlement '{settlementId}' has been reconciled." })
            : new JsonResult(settlement, SettlementJson.Default.Options);
    }
}
