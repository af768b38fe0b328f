using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using RetailFunctions.Core.Channels.Pos;
using RetailFunctions.Core.Webhooks;
using RetailFunctions.Functions.Webhooks;

namespace RetailFunctions.Functions.Channels.Pos;

public sealed class PosWebhookFunction(WebhookGate gate, PosWebhookChannel channel)
{
    [Function("PosWebhook")]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "webhooks/pos")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        var outcome = await gate.AcceptAsync(channel, request.ToWebhookRequest(), cancellationToken);
        return outcome.ToActionResult();
    }
}
