using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using RetailFunctions.Infrastructure.Storage;

namespace RetailFunctions.Functions.Health;

public sealed class HealthFunction(StorageHealth health)
{
    [Function("Health")]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "health")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        var problems = await health.FindProblemsAsync(cancellationToken);
        return problems.Count == 0
            ? new OkObjectResult(new { status = "Healthy" })
            : new ObjectResult(new { status = "Unhealthy", problems }) { StatusCode = StatusCodes.Status503ServiceUnavailable };
    }
}
