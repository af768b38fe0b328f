using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using RetailFunctions.Core.Channels.Amazon;
using RetailFunctions.Core.Webhooks;
using RetailFunctions.Functions.Webhooks;

namespace RetailFunctions.Functions.Channels.Amazon;

public sealed class AmazonWebhookFunction(WebhookGate gate, AmazonWebhookChannel channel)
{
    [Function("AmazonWebhook")]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "webhooks/amazon")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        var outcome = await gate.AcceptAsync(channel, request.ToWebhookRequest(), cancellationToken);
        return outcome.ToActionResult();
    }
}
