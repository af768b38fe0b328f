using System.Text.Json;
using Microsoft.Azure.Functions.Worker;
using RetailFunctions.Core.Inventory;

namespace RetailFunctions.Functions.Inventory;

public sealed class InventoryChangesFunction(InventoryChangeHandler handler)
{
    [Function("InventoryChanges")]
    public Task Run([QueueTrigger(IInventoryChangeQueue.QueueName)] string message, CancellationToken cancellationToken)
    {
        var change = JsonSerializer.Deserialize(message, InventoryJson.Default.InventoryChange)
            ?? throw new JsonException("The inventory change message is empty.");
        return handler.HandleAsync(change, cancellationToken);
    }
}
