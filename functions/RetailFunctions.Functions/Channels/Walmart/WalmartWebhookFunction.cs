using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using RetailFunctions.Core.Channels.Walmart;
using RetailFunctions.Core.Webhooks;
using RetailFunctions.Functions.Webhooks;

namespace RetailFunctions.Functions.Channels.Walmart;

public sealed class WalmartWebhookFunction(WebhookGate gate, WalmartWebhookChannel channel)
{
    [Function("WalmartWebhook")]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "webhooks/walmart")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        var outcome = await gate.AcceptAsync(channel, request.ToWebhookRequest(), cancellationToken);
        return outcome.ToActionResult();
    }
}
