using System.Net.Http.Json;
using System.Text.Json;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using RetailFunctions.Core.Orders;
using RetailFunctions.Infrastructure.Events;
using RetailFunctions.Infrastructure.Orders;
using RetailFunctions.Infrastructure.Storage;
using RetailFunctions.IntegrationTests.Fabric;
using RetailFunctions.IntegrationTests.Hosting;

namespace RetailFunctions.IntegrationTests.Settlements;

/// <summary>Uploads settlement files and reads what the pipeline produced: reports, quarantine, ERP journals, host receipts.</summary>
internal sealed class SettlementFabric(AzuriteFixture azurite, FabricHost host)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);
    private readonly BlobServiceClient _blobs = new(azurite.ConnectionString);

    private readonly StorageClients _storage = new(new ConfigurationBuilder()
        .AddInMemoryCollection(new Dictionary<string, string?> { [StorageClients.ConnectionName] = azurite.ConnectionString })
        .Build());

    public TableOrderLedger Ledger => new(_storage, new OutboxTransactions(_storage, NullLogger<OutboxTransactions>.Instance), TimeProvider.System);

    public async Task<string> UploadAsync(string channel, string name, string content)
    {
        var container = _blobs.GetBlobContainerClient("settlements");
        await container.CreateIfNotExistsAsync();
        await container.GetBlobClient($"{channel}/{name}").UploadAsync(BinaryData.FromString(content), overwrite: true);
        return $"settlements/{channel}/{name}";
    }

    public Task<JsonDocument> WaitForReportAsync(string channel, string settlementId) =>
        Eventually.GetAsync(() => ReadJsonAsync("settlement-reports", $"{channel}/{settlementId}.json"), Timeout, $"the report of {channel} settlement {settlementId}");

    public Task<JsonDocument?> ReadReportAsync(string channel, string settlementId) => ReadJsonAsync("settlement-reports", $"{channel}/{settlementId}.json");

    public Task<JsonDocument> WaitForQuarantineReasonAsync(string channel, string name) =>
        Eventually.GetAsync(() => ReadJsonAsync("settlements-quarantine", $"{channel}/{name}.reason.json"), Timeout, $"the quarantine reason of {name}");

    public async Task<bool> ExistsAsync(string container, string name) =>
        await _blobs.GetBlobContainerClient(container).GetBlobClient(name).ExistsAsync();

    /// <summary>Waits until the local host has handled the blob's current version (its receipt says Done).</summary>
    public Task WaitUntilHandledAsync(string blobPath) =>
        Eventually.GetAsync(
            async () =>
            {
                var receipts = new TableClient(azurite.ConnectionString, "fabrichostblobreceipts");
                await foreach (var _ in receipts.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"BlobPath eq {blobPath} and Status eq {"Done"}")))
                {
                    return true;
                }

                return false;
            },
            Timeout,
            $"the host to handle {blobPath}");

    /// <summary>The journals the ERP simulator booked under <paramref name="journalKey"/>.</summary>
    public async Task<List<JsonElement>> JournalsAsync(string journalKey)
    {
        using var simulators = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{host.Simulators.Port}/") };
        var journals = await simulators.GetFromJsonAsync<JsonElement>("_sim/erp/journals");
        return journals.EnumerateArray().Where(j => j.GetProperty("journal").GetProperty("journalKey").GetString() == journalKey).ToList();
    }

    /// <summary>Waits until the settlement's <c>settlement.reconciled</c> outbox row, kept next to its summary row, is published.</summary>
    public Task<TableEntity> WaitForReconciledEventSentAsync(string channel, string settlementId) =>
        Eventually.GetAsync(
            async () =>
            {
                var settlements = _storage.Tables.GetTableClient(StorageNames.SettlementsTable);
                await foreach (var row in settlements.QueryAsync<TableEntity>(OutboxRecords.Filter(channel, pendingOnly: false)))
                {
                    if (row.GetString("EventId")!.StartsWith($"settlement.reconciled:{channel}:{settlementId}:", StringComparison.Ordinal)
                        && row.GetString(OutboxRecords.StatusProperty) == OutboxRecords.Sent)
                    {
                        return row;
                    }
                }

                return null;
            },
            Timeout,
            $"the settlement.reconciled event of {channel} settlement {settlementId} published");

    public Task SeedAsync(CanonicalOrder order) => Ledger.RecordAsync(order, CancellationToken.None);

    private async Task<JsonDocument?> ReadJsonAsync(string container, string name)
    {
        var blob = _blobs.GetBlobContainerClient(container).GetBlobClient(name);
        if (!await blob.ExistsAsync())
        {
            return null;
        }

        return JsonDocument.Parse((await blob.DownloadContentAsync()).Value.Content.ToString());
    }
}
