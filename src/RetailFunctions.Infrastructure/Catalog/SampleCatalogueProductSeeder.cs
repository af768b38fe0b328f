using System.Diagnostics;
using System.Globalization;
using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RetailFunctions.Core.Catalog;
using RetailFunctions.Core.Inventory;
using RetailFunctions.Infrastructure.Storage;

namespace RetailFunctions.Infrastructure.Catalog;

/// <summary>
/// Local runs only (<c>Inventory:SeedSampleCatalogue=true</c>): a master record (title, brand, valid GTIN, price) for
/// each sample SKU at version 0, so a partial change (just a price) to a sample SKU publishes everywhere. Nothing is
/// marked for publication: a seeded SKU reaches the channels with its first change. Runs once per storage account.
/// </summary>
public sealed partial class SampleCatalogueProductSeeder(
    StorageClients storage,
    IOptions<InventoryOptions> inventory,
    ILogger<SampleCatalogueProductSeeder> logger) : IHostedService
{
    // SKU partitions escape "|", so this one can never be a SKU's.
    private const string MarkerPartition = "|seed";
    private const string MarkerRow = "sample-catalogue";
    private const int Parallelism = 32;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!inventory.Value.SeedSampleCatalogue)
        {
            return;
        }

        var table = storage.Tables.GetTableClient(StorageNames.CatalogTable);
        if ((await table.GetEntityIfExistsAsync<TableEntity>(MarkerPartition, MarkerRow, cancellationToken: cancellationToken)).HasValue)
        {
            return;
        }

        var started = Stopwatch.GetTimestamp();
        var skus = SampleCatalogue.Skus().ToArray();
        await Parallel.ForEachAsync(
            skus,
            new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellationToken },
            async (sku, token) =>
            {
                try
                {
                    await table.AddEntityAsync(CatalogEntities.Master(Product(sku)), token);
                }
                catch (RequestFailedException ex) when (ex.Status == 409)
                {
                    // Already described (an interrupted seeding or a real change): leave it.
                }
            });

        await table.UpsertEntityAsync(new TableEntity(MarkerPartition, MarkerRow) { ["Skus"] = skus.Length }, TableUpdateMode.Replace, cancellationToken);
        LogSeeded(skus.Length, Stopwatch.GetElapsedTime(started).TotalSeconds);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>SKU-1500 → "Sample product 1500", GTIN 0000000015007 (check digit computed), 19.99 + the number's last two digits.</summary>
    public static CatalogRecord Product(string sku)
    {
        var number = int.Parse(sku.AsSpan(sku.LastIndexOf('-') + 1), CultureInfo.InvariantCulture);
        return CatalogRecord.Empty(sku) with
        {
            Title = $"Sample product {number}",
            Description = $"Sample catalogue item {sku}.",
            Brand = "Contoso",
            Gtin = GtinCheckDigit.Complete(number.ToString("D12", CultureInfo.InvariantCulture)),
            Price = 19.99m + (number % 100),
            Currency = "USD",
            TaxClass = "standard",
            Source = "seed",
        };
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Sample catalogue: {Skus} product records seeded in {Seconds:0.0} s")]
    private partial void LogSeeded(int skus, double seconds);
}
