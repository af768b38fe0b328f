namespace RetailFunctions.Core.Inventory;

/// <summary>The <c>inventory-changes</c> queue between the adjustments endpoint and the function that applies them.</summary>
public interface IInventoryChangeQueue
{
    public const string QueueName = "inventory-changes";

    /// <summary>Items per message: about 100 bytes each, so a message stays far below the 64 KiB limit once base64-encoded.</summary>
    public const int MaxItemsPerMessage = 200;

    Task EnqueueAsync(InventoryChange change, CancellationToken cancellationToken);
}
