using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Options;
using RetailFunctions.Core.Orders.Workflow;
using RetailFunctions.Core.Shipments;
using RetailFunctions.Functions.Orders;

namespace RetailFunctions.Functions.Shipments;

/// <summary>Every 30 seconds: parked shipment callbacks are matched again to orders that have arrived meanwhile.</summary>
public sealed class ShipmentRematchFunction(ParkedShipmentRematcher rematcher, IOptions<OrderToCashOptions> options)
{
    [Function("ShipmentRematch")]
    public Task Run(
        [TimerTrigger("*/30 * * * * *")] TimerInfo timer,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken) =>
        rematcher.RunAsync(new DurableOrderWorkflow(client, options.Value), cancellationToken);
}
