using System.Globalization;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using RetailFunctions.Core.Storage;
using RetailFunctions.Core.Webhooks;
using RetailFunctions.Infrastructure.Storage;

namespace RetailFunctions.Infrastructure.Webhooks;

public sealed class BlobRawWebhookArchive(StorageClients storage) : IRawWebhookArchive
{
    private readonly BlobContainerClient _container = storage.Blobs.GetBlobContainerClient(StorageNames.RawWebhooksContainer);

    public string PathFor(string channel, string eventId, DateTimeOffset receivedAt) =>
        string.Create(CultureInfo.InvariantCulture, $"{StorageNames.RawWebhooksContainer}/{channel}/{receivedAt.UtcDateTime:yyyy}/{receivedAt.UtcDateTime:MM}/{receivedAt.UtcDateTime:dd}/{StorageKey.Escape(eventId)}.json");

    public async Task SaveAsync(string path, ReadOnlyMemory<byte> body, string topic, CancellationToken cancellationToken)
    {
        var options = new BlobUploadOptions
        {
            HttpHeaders = new BlobHttpHeaders { ContentType = "application/json" },
            Metadata = new Dictionary<string, string> { ["topic"] = Uri.EscapeDataString(topic) },
        };
        await Blob(path).UploadAsync(BinaryData.FromBytes(body), options, cancellationToken);
    }

    public async Task<ReadOnlyMemory<byte>> ReadAsync(string path, CancellationToken cancellationToken)
    {
        var content = await Blob(path).DownloadContentAsync(cancellationToken);
        return content.Value.Content.ToMemory();
    }

    public Task DeleteAsync(string path, CancellationToken cancellationToken) =>
        Blob(path).DeleteIfExistsAsync(cancellationToken: cancellationToken);

    private BlobClient Blob(string path)
    {
        var prefix = StorageNames.RawWebhooksContainer + "/";
        if (!path.StartsWith(prefix, StringComparison.Ordinal))
        {
            throw new ArgumentException($"'{path}' is not in the {StorageNames.RawWebhooksContainer} container.", nameof(path));
        }

        return _container.GetBlobClient(path[prefix.Length..]);
    }
}
