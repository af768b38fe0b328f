using RetailFunctions.Core.Inventory;

namespace RetailFunctions.Core.Tests.Inventory;

internal sealed class RecordingChangeQueue : IInventoryChangeQueue
{
    public List<InventoryChange> Messages { get; } = [];

    /// <summary>Runs as each message is queued, to look at what was written before it.</summary>
    public Action<InventoryChange>? OnEnqueue { get; set; }

    public Task EnqueueAsync(InventoryChange change, CancellationToken cancellationToken)
    {
        OnEnqueue?.Invoke(change);
        Messages.Add(change);
        return Task.CompletedTask;
    }
}
