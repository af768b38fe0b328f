using Azure.Storage.Queues;
using RetailFunctions.Core.Events;
using RetailFunctions.Infrastructure.Storage;

namespace RetailFunctions.Infrastructure.Events;

/// <summary>The local sink: the same JSON envelope as on the topic, on the queue <c>retail-events-local</c>.</summary>
public sealed class QueueRetailEventPublisher(StorageClients storage) : IRetailEventPublisher
{
    private readonly QueueClient _queue = storage.Queues.GetQueueClient(StorageNames.RetailEventsLocalQueue);

    public Task SendAsync(RetailEvent retailEvent, CancellationToken cancellationToken) =>
        _queue.SendMessageAsync(RetailEventMessages.ToJson(retailEvent), cancellationToken: cancellationToken);
}
