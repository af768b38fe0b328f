using System.Text.Json;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using RetailFunctions.Core.Inventory;
using RetailFunctions.Infrastructure.Storage;

namespace RetailFunctions.Infrastructure.Inventory;

/// <summary>Reports at <c>inventory-snapshots-reports/{source}/{file}.json</c>; a re-processed file overwrites its report.</summary>
public sealed class BlobInventorySnapshotReports(StorageClients storage) : IInventorySnapshotReports
{
    private readonly BlobContainerClient _container = storage.Blobs.GetBlobContainerClient(StorageNames.InventorySnapshotReportsContainer);

    public static string PathFor(string source, string file) => $"{source}/{file}.json";

    public async Task WriteAsync(InventorySnapshotReport report, CancellationToken cancellationToken)
    {
        var blob = _container.GetBlobClient(PathFor(report.Source, report.File));
        await blob.UploadAsync(
            BinaryData.FromBytes(JsonSerializer.SerializeToUtf8Bytes(report, InventoryJson.Default.InventorySnapshotReport)),
            new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = "application/json" } },
            cancellationToken);
    }
}
