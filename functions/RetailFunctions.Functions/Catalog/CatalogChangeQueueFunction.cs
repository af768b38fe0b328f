using System.Text.Json;
using Microsoft.Azure.Functions.Worker;
using RetailFunctions.Core.Catalog;

namespace RetailFunctions.Functions.Catalog;

public sealed class CatalogChangeQueueFunction(CatalogChangeHandler handler)
{
    [Function("CatalogChangeQueue")]
    public Task Run([QueueTrigger(ICatalogChangeQueue.QueueName)] string message, CancellationToken cancellationToken)
    {
        var change = JsonSerializer.Deserialize(message, CatalogJson.Default.CatalogChange)
            ?? throw new JsonException("The catalog change message is empty.");
        return handler.HandleAsync(change, cancellationToken);
    }
}
