using System.Text.Json;
using Azure.Storage.Queues;
using RetailFunctions.Core.Serialization;
using RetailFunctions.Core.Webhooks;
using RetailFunctions.Infrastructure.Storage;

namespace RetailFunctions.Infrastructure.Webhooks;

public sealed class StorageQueueChannelEvents(StorageClients storage) : IChannelEventQueue
{
    private readonly QueueClient _queue = storage.Queues.GetQueueClient(StorageNames.ChannelEventsQueue);

    public Task EnqueueAsync(ChannelEventEnvelope envelope, CancellationToken cancellationToken) =>
        _queue.SendMessageAsync(JsonSerializer.Serialize(envelope, RetailJson.Default.ChannelEventEnvelope), cancellationToken);
}
