using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using RetailFunctions.Core.Inventory;

namespace RetailFunctions.Functions.Inventory;

public sealed class InventoryQueryFunction(InventoryQuery query)
{
    [Function("GetInventory")]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "inventory/{sku}")] HttpRequest request,
        string sku,
        CancellationToken cancellationToken)
    {
        var view = await query.FindAsync(sku, cancellationToken);
        return view is null
            ? new NotFoundObjectResult(new ProblemDetails { Status = StatusCodes.Status404NotFound, Title = "SKU not found", Detail = $"No stock position for '{sku}'." })
            : new JsonResult(view, InventoryJson.Default.Options);
    }
}
