using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using RetailFunctions.Core.Orders;
using RetailFunctions.Core.Serialization;

namespace RetailFunctions.Functions.Orders;

public sealed class OrderQueryFunction(IOrderLedger ledger)
{
    [Function("GetOrder")]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "orders/{channel}/{channelOrderId}")] HttpRequest request,
        string channel,
        string channelOrderId,
        CancellationToken cancellationToken)
    {
        var order = await ledger.FindAsync(channel.ToLowerInvariant(), channelOrderId, cancellationToken);
        return order is null
            ? new NotFoundObjectResult(new ProblemDetails { Status = StatusCodes.Status404NotFound, Title = "Order not found", Detail = $"No {channel} order '{channelOrderId}' in the ledger." })
            : new JsonResult(order, RetailJson.Default.Options);
    }
}
