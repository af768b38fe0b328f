using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using RetailFunctions.Core.Webhooks;
using RetailFunctions.Functions.Webhooks;

namespace RetailFunctions.Functions.Shipments;

public sealed class ShipmentCallbackFunction(WebhookGate gate, ShipmentCallbackSources sources)
{
    [Function("ShipmentCallback")]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "callbacks/shipments/{source}")] HttpRequest request,
        string source,
        CancellationToken cancellationToken)
    {
        if (sources.Find(source) is not { } channel)
        {
            return new NotFoundObjectResult(new ProblemDetails { Status = 404, Title = "Unknown shipment source", Detail = $"No callback source '{source}' is configured." });
        }

        var outcome = await gate.AcceptAsync(channel, request.ToWebhookRequest(), cancellationToken);
        return outcome.ToActionResult();
    }
}
