using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using RetailFunctions.Core.Channels.Shopify;
using RetailFunctions.Core.Webhooks;
using RetailFunctions.Functions.Webhooks;

namespace RetailFunctions.Functions.Channels.Shopify;

public sealed class ShopifyWebhookFunction(WebhookGate gate, ShopifyWebhookChannel channel)
{
    [Function("ShopifyWebhook")]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "webhooks/shopify")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        var outcome = await gate.AcceptAsync(channel, request.ToWebhookRequest(), cancellationToken);
        return outcome.ToActionResult();
    }
}
