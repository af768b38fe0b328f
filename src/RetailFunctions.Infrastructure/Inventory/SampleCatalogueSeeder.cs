using System.Collections.Concurrent;
using System.Diagnostics;
using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RetailFunctions.Core.Inventory;
using RetailFunctions.Infrastructure.Storage;

namespace RetailFunctions.Infrastructure.Inventory;

/// <summary>
/// Local runs only (<c>Inventory:SeedSampleCatalogue=true</c>): the sample catalogue's positions, and every channel
/// told about them. Runs once per storage account (a marker row), never overwrites stock that already exists, and
/// writes the channel rows in transactions of 100, so a fresh start takes seconds.
/// </summary>
public sealed partial class SampleCatalogueSeeder(
    StorageClients storage,
    TimeProvider time,
    IOptions<InventoryOptions> options,
    ILogger<SampleCatalogueSeeder> logger) : IHostedService
{
    private const string MarkerPartition = "seed";
    private const string MarkerRow = "sample-catalogue";
    private const int Parallelism = 32;
    private const int BatchSize = 100;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (!settings.SeedSampleCatalogue)
        {
            return;
        }

        var inventory = storage.Tables.GetTableClient(StorageNames.InventoryTable);
        if ((await inventory.GetEntityIfExistsAsync<TableEntity>(MarkerPartition, MarkerRow, cancellationToken: cancellationToken)).HasValue)
        {
            return;
        }

        var started = Stopwatch.GetTimestamp();
        var added = new ConcurrentBag<string>();
        await Parallel.ForEachAsync(
            SampleCatalogue.Skus(),
            new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellationToken },
            async (sku, token) =>
            {
                try
                {
                    var position = StockPosition.Empty(sku, SampleCatalogue.SeedLocation) with { OnHand = SampleCatalogue.OnHand };
                    await inventory.AddEntityAsync(PositionEntity.From(position), token);
                    added.Add(sku);
                }
                catch (RequestFailedException ex) when (ex.Status == 409)
                {
                    // Stocked already (an earlier, interrupted seeding or real adjustments): leave it as it is.
                }
            });

        var pending = storage.Tables.GetTableClient(StorageNames.InventoryPendingTable);
        var now = time.GetUtcNow();
        var batches = settings.EnabledChannels()
            .SelectMany(c => added.Order(StringComparer.Ordinal).Chunk(BatchSize).Select(chunk => (c.Channel, chunk)));
        await Parallel.ForEachAsync(
            batches,
            new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellationToken },
            async (batch, token) => await pending.SubmitTransactionAsync(
                batch.chunk.Select(sku => new TableTransactionAction(TableTransactionActionType.UpsertReplace, TableInventorySync.PendingRow(batch.Channel, sku, now))),
                token));

        await inventory.UpsertEntityAsync(new TableEntity(MarkerPartition, MarkerRow) { ["SeededAt"] = now, ["Skus"] = added.Count }, TableUpdateMode.Replace, cancellationToken);
        LogSeeded(added.Count, Stopwatch.GetElapsedTime(started).TotalSeconds);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Sample catalogue seeded: {Skus} SKUs in {Seconds:0.0} s")]
    private partial void LogSeeded(int skus, double seconds);
}
