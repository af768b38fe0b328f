using Azure.Data.Tables;
using Azure.Storage.Blobs;
using RetailFunctions.IntegrationTests.Hosting;

namespace RetailFunctions.IntegrationTests.Fabric;

/// <summary>Reads what the fabric wrote to Azurite, to prove side effects happened exactly once or not at all.</summary>
internal sealed class FabricStorage(AzuriteFixture azurite)
{
    public async Task<List<string>> RawWebhookBlobsAsync(string channel, string eventId)
    {
        var container = new BlobContainerClient(azurite.ConnectionString, "raw-webhooks");
        var names = new List<string>();
        if (!await container.ExistsAsync())
        {
            return names;
        }

        await foreach (var blob in container.GetBlobsAsync(Azure.Storage.Blobs.Models.BlobTraits.None, Azure.Storage.Blobs.Models.BlobStates.None, channel + "/", CancellationToken.None))
        {
            if (blob.Name.EndsWith($"/{eventId}.json", StringComparison.Ordinal))
            {
                names.Add(blob.Name);
            }
        }

        return names;
    }

    public Task<bool> HasReceiptAsync(string channel, string eventId) => HasRowAsync("webhookreceipts", channel, eventId);

    public Task<bool> HasLedgerRowAsync(string channel, string orderId) => HasRowAsync("orders", channel, orderId);

    private async Task<bool> HasRowAsync(string tableName, string partition, string row)
    {
        var table = new TableClient(azurite.ConnectionString, tableName);
        await table.CreateIfNotExistsAsync();
        return (await table.GetEntityIfExistsAsync<TableEntity>(partition, row)).HasValue;
    }
}
