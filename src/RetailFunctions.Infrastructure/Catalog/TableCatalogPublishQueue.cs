using Azure.Data.Tables;
using RetailFunctions.Core.Catalog;
using RetailFunctions.Infrastructure.Storage;

namespace RetailFunctions.Infrastructure.Catalog;

/// <summary>
/// The <c>catalogsync</c> table, partition <c>pending|{channel}</c>: one row per SKU waiting to be published, merged on
/// every change (so its ETag tells whether it changed during a publication), written in transactions of 100.
/// </summary>
public sealed class TableCatalogPublishQueue(StorageClients storage) : ICatalogPublishQueue
{
    private const int BatchSize = 100;
    private const int Parallelism = 16;

    private readonly TableClient _table = storage.Tables.GetTableClient(StorageNames.CatalogSyncTable);

    public static string PendingPartition(string channel) => "pending|" + channel;

    public Task MarkPendingAsync(IReadOnlyCollection<string> channels, IReadOnlyCollection<string> skus, DateTimeOffset seenAt, CancellationToken cancellationToken) =>
        Parallel.ForEachAsync(
            channels.SelectMany(channel => skus.Distinct(StringComparer.Ordinal).Chunk(BatchSize).Select(chunk => (channel, chunk))),
            new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellationToken },
            async (batch, token) => await _table.SubmitTransactionAsync(
                batch.chunk.Select(sku => new TableTransactionAction(
                    TableTransactionActionType.UpsertMerge,
                    new TableEntity(PendingPartition(batch.channel), CatalogKeys.Partition(sku)) { ["Sku"] = sku, ["SeenAt"] = seenAt })),
                token));

    public async Task<IReadOnlyList<PendingPublication>> PendingAsync(string channel, int max, CancellationToken cancellationToken)
    {
        var pending = new List<PendingPublication>();
        await foreach (var row in _table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {PendingPartition(channel)}"), cancellationToken: cancellationToken))
        {
            pending.Add(new PendingPublication(row.GetString("Sku"), row.GetDateTimeOffset("SeenAt") ?? row.Timestamp ?? DateTimeOffset.MinValue, row.ETag.ToString()));
            if (pending.Count >= max)
            {
                break;
            }
        }

        return pending;
    }

    public Task ClearAsync(string channel, IReadOnlyList<PendingPublication> done, CancellationToken cancellationToken) =>
        ConditionalDeletes.DeleteUnchangedAsync(_table, PendingPartition(channel), done.Select(p => (CatalogKeys.Partition(p.Sku), p.Version)).ToArray(), cancellationToken);
}
