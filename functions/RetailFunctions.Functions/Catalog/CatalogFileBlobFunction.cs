using Microsoft.Azure.Functions.Worker;
using RetailFunctions.Core.Catalog;

namespace RetailFunctions.Functions.Catalog;

/// <summary>A product or price file from the ERP or PIM in <c>catalog/{source}/{name}</c>; Event Grid delivers it on Flex Consumption.</summary>
public sealed class CatalogFileBlobFunction(CatalogFileHandler handler)
{
    [Function(nameof(CatalogFileBlobFunction))]
    public Task Run(
        [BlobTrigger("catalog/{source}/{name}", Source = BlobTriggerSource.EventGrid)] Stream blob,
        string source,
        string name,
        CancellationToken cancellationToken) =>
        handler.HandleAsync(source, name, blob, cancellationToken);
}
