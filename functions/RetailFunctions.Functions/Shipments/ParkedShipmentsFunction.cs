using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using RetailFunctions.Core.Serialization;
using RetailFunctions.Core.Shipments;

namespace RetailFunctions.Functions.Shipments;

/// <summary>Operators' view of parked shipment callbacks: all, one channel's (<c>?channel=</c>) or one order's (<c>&amp;channelOrderId=</c>).</summary>
public sealed class ParkedShipmentsFunction(IParkedShipments parkedShipments)
{
    [Function("GetParkedShipments")]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "shipments/parked")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        string? channel = request.Query["channel"];
        string? channelOrderId = request.Query["channelOrderId"];
        if (channel is null && channelOrderId is not null)
        {
            return new BadRequestObjectResult(new ProblemDetails { Status = 400, Title = "channel is required", Detail = "channelOrderId needs channel." });
        }

        var parked = await parkedShipments.ListAsync(channel, channelOrderId, cancellationToken);
        return new JsonResult(parked, RetailJson.Default.Options);
    }
}
