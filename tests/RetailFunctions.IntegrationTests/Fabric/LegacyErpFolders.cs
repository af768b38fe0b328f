using System.Text.Json;
using Azure.Storage.Blobs;
using RetailFunctions.Core.BackOffice.Erp;
using RetailFunctions.IntegrationTests.Hosting;

namespace RetailFunctions.IntegrationTests.Fabric;

/// <summary>The legacy ERP's outbox and inbox on the tests' Azurite, read the way an auditor of the exchange would.</summary>
internal sealed class LegacyErpFolders(AzuriteFixture azurite)
{
    public BlobContainerClient Outbox { get; } = new(azurite.ConnectionString, LegacyErpFiles.OutboxContainer);

    public BlobContainerClient Inbox { get; } = new(azurite.ConnectionString, LegacyErpFiles.InboxContainer);

    /// <summary>Outbox files whose document key starts with <paramref name="keyPrefix"/> (an order key covers its invoice and cancellation).</summary>
    public async Task<List<string>> DocumentsForAsync(string keyPrefix)
    {
        var names = new List<string>();
        if (!await Outbox.ExistsAsync())
        {
            return names;
        }

        await foreach (var blob in Outbox.GetBlobsAsync())
        {
            if (blob.Name.Split('/')[1].StartsWith(LegacyErpFiles.FileKey(keyPrefix), StringComparison.Ordinal))
            {
                names.Add(blob.Name);
            }
        }

        return names;
    }

    public async Task<LegacyErpAcknowledgement?> AcknowledgementAsync(string documentType, string documentKey)
    {
        var blob = Inbox.GetBlobClient(LegacyErpFiles.AcknowledgementPath(documentType, documentKey));
        if (!await blob.ExistsAsync())
        {
            return null;
        }

        return JsonSerializer.Deserialize((await blob.DownloadContentAsync()).Value.Content.ToStream(), LegacyErpJson.Default.LegacyErpAcknowledgement);
    }
}
