using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using RetailFunctions.Core.Catalog;

namespace RetailFunctions.Functions.Catalog;

public sealed class CatalogQueryFunction(CatalogQuery query)
{
    [Function("GetCatalogItem")]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "catalog/{sku}")] HttpRequest request,
        string sku,
        CancellationToken cancellationToken)
    {
        var view = await query.FindAsync(sku, cancellationToken);
        return view is null
            ? new NotFoundObjectResult(new ProblemDetails { Status = StatusCodes.Status404NotFound, Title = "SKU not found", Detail = $"No catalog record for '{sku}'." })
            : new JsonResult(view, CatalogJson.Default.Options);
    }
}
