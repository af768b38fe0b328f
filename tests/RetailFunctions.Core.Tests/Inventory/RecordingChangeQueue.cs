using RetailFunctions.Core.Inventory;

namespace RetailFunctions.Core.Tests.Inventory;

internal sealed class RecordingChangeQueue : IInventoryChangeQueue
{
    public List<InventoryChange> Messages { get; } = [];

    public Task EnqueueAsync(InventoryChange change, CancellationToken cancellationToken)
    {
        Messages.Add(change);
        return Task.CompletedTask;
    }
}
