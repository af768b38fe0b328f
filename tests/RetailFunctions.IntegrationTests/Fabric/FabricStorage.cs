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

    public async Task<int> CountRawWebhooksAsync(string folder)
    {
        var container = new BlobContainerClient(azurite.ConnectionString, "raw-webhooks");
        if (!await container.ExistsAsync())
        {
            return 0;
        }

        var count = 0;
        await foreach (var _ in container.GetBlobsAsync(Azure.Storage.Blobs.Models.BlobTraits.None, Azure.Storage.Blobs.Models.BlobStates.None, folder + "/", CancellationToken.None))
        {
            count++;
        }

        return count;
    }

    /// <summary>Receipts the gates hold under one sender (channel, <c>shipments-{source}</c>, <c>inventory-{source}</c>).</summary>
    public async Task<int> CountReceiptsAsync(string partition)
    {
        var table = new TableClient(azurite.ConnectionString, "webhookreceipts");
        await table.CreateIfNotExistsAsync();
        var count = 0;
        await foreach (var _ in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {partition}"), select: ["RowKey"]))
        {
            count++;
        }

        return count;
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
