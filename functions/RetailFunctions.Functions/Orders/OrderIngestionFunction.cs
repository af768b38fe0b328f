using System.Text.Json;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Options;
using RetailFunctions.Core.Orders;
using RetailFunctions.Core.Orders.Workflow;
using RetailFunctions.Core.Serialization;
using RetailFunctions.Core.Webhooks;

namespace RetailFunctions.Functions.Orders;

public sealed class OrderIngestionFunction(OrderIngestionHandler handler, IOptions<OrderToCashOptions> options)
{
    [Function("OrderIngestion")]
    public Task Run(
        [QueueTrigger(IChannelEventQueue.QueueName)] string message,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken)
    {
        var envelope = JsonSerializer.Deserialize(message, RetailJson.Default.ChannelEventEnvelope)
            ?? throw new JsonException("The channel event envelope is empty.");
        return handler.HandleAsync(envelope, new DurableOrderWorkflow(client, options.Value), cancellationToken);
    }
}
