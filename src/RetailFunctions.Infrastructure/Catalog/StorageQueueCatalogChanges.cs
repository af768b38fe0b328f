using System.Text.Json;
using Azure.Storage.Queues;
using RetailFunctions.Core.Catalog;
using RetailFunctions.Infrastructure.Storage;

namespace RetailFunctions.Infrastructure.Catalog;

public sealed class StorageQueueCatalogChanges(StorageClients storage) : ICatalogChangeQueue
{
    private readonly QueueClient _queue = storage.Queues.GetQueueClient(StorageNames.CatalogChangesQueue);

    public Task EnqueueAsync(CatalogChange change, CancellationToken cancellationToken) =>
        _queue.SendMessageAsync(JsonSerializer.Serialize(change, CatalogJson.Default.CatalogChange), cancellationToken);
}
