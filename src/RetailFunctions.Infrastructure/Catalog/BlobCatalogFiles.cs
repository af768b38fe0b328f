using System.Text.Json;
using Azure.Storage.Blobs.Models;
using RetailFunctions.Core.Catalog;
using RetailFunctions.Infrastructure.Storage;

namespace RetailFunctions.Infrastructure.Catalog;

public sealed class BlobCatalogFiles(StorageClients storage) : ICatalogFiles
{
    public async Task QuarantineAsync(CatalogQuarantineReason reason, CancellationToken cancellationToken)
    {
        var path = $"{reason.Source}/{reason.FileName}";
        var source = storage.Blobs.GetBlobContainerClient(StorageNames.CatalogContainer).GetBlobClient(path);
        var quarantine = storage.Blobs.GetBlobContainerClient(StorageNames.CatalogQuarantineContainer);

        // Streamed, not copied by URL: a server-side copy would need the source readable by URL or SAS, which identity-only accounts refuse.
        await using (var content = await source.OpenReadAsync(new BlobOpenReadOptions(allowModifications: false), cancellationToken))
        {
            await quarantine.GetBlobClient(path).UploadAsync(content, overwrite: true, cancellationToken);
        }

        await quarantine.GetBlobClient($"{path}.reason.json").UploadAsync(
            BinaryData.FromBytes(JsonSerializer.SerializeToUtf8Bytes(reason, CatalogJson.Default.CatalogQuarantineReason)),
            new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = "application/json" } },
            cancellationToken);
    }
}
