using System.Text.Json;
using Microsoft.Azure.Functions.Worker;
using RetailFunctions.Core.Orders;
using RetailFunctions.Core.Serialization;
using RetailFunctions.Core.Webhooks;

namespace RetailFunctions.Functions.Orders;

public sealed class OrderIngestionFunction(OrderIngestionHandler handler)
{
    [Function("OrderIngestion")]
    public Task Run([QueueTrigger(IChannelEventQueue.QueueName)] string message, CancellationToken cancellationToken)
    {
        var envelope = JsonSerializer.Deserialize(message, RetailJson.Default.ChannelEventEnvelope)
            ?? throw new JsonException("The channel event envelope is empty.");
        return handler.HandleAsync(envelope, cancellationToken);
    }
}
