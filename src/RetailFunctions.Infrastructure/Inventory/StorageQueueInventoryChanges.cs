using System.Text.Json;
using Azure.Storage.Queues;
using RetailFunctions.Core.Inventory;
using RetailFunctions.Infrastructure.Storage;

namespace RetailFunctions.Infrastructure.Inventory;

public sealed class StorageQueueInventoryChanges(StorageClients storage) : IInventoryChangeQueue
{
    private readonly QueueClient _queue = storage.Queues.GetQueueClient(StorageNames.InventoryChangesQueue);

    public Task EnqueueAsync(InventoryChange change, CancellationToken cancellationToken) =>
        _queue.SendMessageAsync(JsonSerializer.Serialize(change, InventoryJson.Default.InventoryChange), cancellationToken);
}
