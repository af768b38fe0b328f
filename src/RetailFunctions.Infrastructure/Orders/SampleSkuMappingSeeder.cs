using Azure.Data.Tables;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using RetailFunctions.Infrastructure.Storage;

namespace RetailFunctions.Infrastructure.Orders;

/// <summary>
/// Local runs only (<c>Inventory:SeedSampleCatalogue=true</c>, the same switch as the sample stock): maps the sample SKUs <c>SKU-1000</c> … <c>SKU-3999</c> on every
/// channel to ERP items <c>ITEM-1000</c> … <c>ITEM-3999</c>. Upserts, so running it again changes nothing.
/// </summary>
public sealed partial class SampleSkuMappingSeeder(StorageClients storage, IConfiguration configuration, ILogger<SampleSkuMappingSeeder> logger) : IHostedService
{
    public const string SettingName = "Inventory:SeedSampleCatalogue";
    public const int FirstSku = 1000;
    public const int LastSku = 3999;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!configuration.GetValue<bool>(SettingName))
        {
            return;
        }

        var table = storage.Tables.GetTableClient(StorageNames.SkuMappingsTable);
        await table.CreateIfNotExistsAsync(cancellationToken);
        var batches = Enumerable.Range(FirstSku, LastSku - FirstSku + 1)
            .Select(n => new TableTransactionAction(
                TableTransactionActionType.UpsertReplace,
                new TableEntity(TableSkuMappings.AnyChannel, $"SKU-{n}") { ["ItemCode"] = $"ITEM-{n}" }))
            .Chunk(100);
        await Parallel.ForEachAsync(batches, new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = cancellationToken },
            async (batch, token) => await table.SubmitTransactionAsync(batch, token));
        LogSeeded(LastSku - FirstSku + 1);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Sample catalogue: {Count} SKU mappings seeded")]
    private partial void LogSeeded(int count);
}
