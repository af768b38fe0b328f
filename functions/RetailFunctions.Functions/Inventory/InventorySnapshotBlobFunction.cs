using Microsoft.Azure.Functions.Worker;
using RetailFunctions.Core.Inventory;

namespace RetailFunctions.Functions.Inventory;

public sealed class InventorySnapshotBlobFunction(InventorySnapshotHandler handler)
{
    [Function(nameof(InventorySnapshotBlobFunction))]
    public Task Run(
        [BlobTrigger("inventory-snapshots/{source}/{name}", Source = BlobTriggerSource.EventGrid)] Stream blob,
        string source,
        string name,
        CancellationToken cancellationToken) =>
        handler.HandleAsync(source, name, blob, cancellationToken);
}
