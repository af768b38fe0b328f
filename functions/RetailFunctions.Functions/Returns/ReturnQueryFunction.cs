using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using RetailFunctions.Core.Returns;
using RetailFunctions.Core.Serialization;

namespace RetailFunctions.Functions.Returns;

public sealed class ReturnQueryFunction(IReturnLedger returns)
{
    [Function("GetReturn")]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "returns/{channel}/{returnId}")] HttpRequest request,
        string channel,
        string returnId,
        CancellationToken cancellationToken)
    {
        var found = await returns.FindAsync(channel.ToLowerInvariant(), returnId, cancellationToken);
        return found is null
            ? new NotFoundObjectResult(new ProblemDetails { Status = StatusCodes.Status404NotFound, Title = "Return not found", Detail = $"No {channel} return '{returnId}'." })
            : new JsonResult(found, RetailJson.Default.Options);
    }
}
