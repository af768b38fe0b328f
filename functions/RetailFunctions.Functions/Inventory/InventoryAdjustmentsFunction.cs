using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using RetailFunctions.Core.Inventory;
using RetailFunctions.Functions.Webhooks;

namespace RetailFunctions.Functions.Inventory;

public sealed class InventoryAdjustmentsFunction(InventoryAdjustmentGate gate)
{
    [Function("InventoryAdjustments")]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "inventory/adjustments")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        var outcome = await gate.AcceptAsync(request.ToWebhookRequest(), cancellationToken);
        return outcome.ToActionResult();
    }
}
