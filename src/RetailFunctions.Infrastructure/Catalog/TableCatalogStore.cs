using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Azure;
using Azure.Data.Tables;
using RetailFunctions.Core.Catalog;
using RetailFunctions.Infrastructure.Inventory;
using RetailFunctions.Infrastructure.Storage;

namespace RetailFunctions.Infrastructure.Catalog;

public sealed class TableCatalogStore(StorageClients storage) : ICatalogStore
{
    private const int Parallelism = 16;

    private readonly TableClient _table = storage.Tables.GetTableClient(StorageNames.CatalogTable);

    public async Task<CatalogEntry?> FindAsync(string sku, CancellationToken cancellationToken)
    {
        CatalogRecord? record = null;
        ActivePromotion? promotion = null;
        var channels = new Dictionary<string, CatalogChannelState>(StringComparer.OrdinalIgnoreCase);
        await foreach (var row in _table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {CatalogKeys.Partition(sku)}"), cancellationToken: cancellationToken))
        {
            switch (row.RowKey)
            {
                case CatalogKeys.MasterRow:
                    record = CatalogEntities.ToRecord(row);
                    break;
                case CatalogKeys.PromotionRow:
                    promotion = CatalogEntities.ToPromotion(row);
                    break;
                default:
                    var state = CatalogEntities.ToChannel(row);
                    channels[state.Channel] = state;
                    break;
            }
        }

        return record is null ? null : new CatalogEntry(record, promotion, channels);
    }

    public async Task<IReadOnlyDictionary<string, CatalogEntry>> FindManyAsync(IReadOnlyCollection<string> skus, CancellationToken cancellationToken)
    {
        var entries = new ConcurrentDictionary<string, CatalogEntry>(StringComparer.Ordinal);
        await Parallel.ForEachAsync(
            skus.Distinct(StringComparer.Ordinal),
            new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellationToken },
            async (sku, token) =>
            {
                if (await FindAsync(sku, token) is { } entry)
                {
                    entries[sku] = entry;
                }
            });
        return entries;
    }

    public Task<CatalogApplyResult> ApplyAsync(CatalogItemChange change, string source, DateTimeOffset now, CancellationToken cancellationToken) =>
        OptimisticConcurrency.RunAsync(
            async () =>
            {
                var found = await _table.GetEntityIfExistsAsync<TableEntity>(CatalogKeys.Partition(change.Sku), CatalogKeys.MasterRow, cancellationToken: cancellationToken);
                var current = found.HasValue ? CatalogEntities.ToRecord(found.Value!) : null;
                if (current is not null && current.Version >= change.Version)
                {
                    return new CatalogApplyResult(false, current.Version);
                }

                var merged = (current ?? CatalogRecord.Empty(change.Sku)).Merge(change, source, now);
                var entity = CatalogEntities.Master(merged);
                if (found.HasValue)
                {
                    await _table.UpdateEntityAsync(entity, found.Value!.ETag, TableUpdateMode.Replace, cancellationToken);
                }
                else
                {
                    await _table.AddEntityAsync(entity, cancellationToken);
                }

                return new CatalogApplyResult(true, merged.Version);
            },
            cancellationToken);

    public Task SaveChannelStatesAsync(string channel, IReadOnlyList<(string Sku, CatalogChannelState State)> states, CancellationToken cancellationToken) =>
        Parallel.ForEachAsync(
            states,
            new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellationToken },
            async (state, token) => await _table.UpsertEntityAsync(CatalogEntities.Channel(state.Sku, state.State), TableUpdateMode.Replace, token));

    public async Task SetPromotionAsync(string sku, string promotionId, ActivePromotion? promotion, CancellationToken cancellationToken)
    {
        if (promotion is not null)
        {
            await _table.UpsertEntityAsync(CatalogEntities.Promotion(sku, promotion), TableUpdateMode.Replace, cancellationToken);
            return;
        }

        var found = await _table.GetEntityIfExistsAsync<TableEntity>(CatalogKeys.Partition(sku), CatalogKeys.PromotionRow, cancellationToken: cancellationToken);
        if (found.HasValue && found.Value!.GetString("PromotionId") == promotionId)
        {
            try
            {
                await _table.DeleteEntityAsync(CatalogKeys.Partition(sku), CatalogKeys.PromotionRow, found.Value.ETag, cancellationToken);
            }
            catch (RequestFailedException ex) when (ex.Status is 404 or 412)
            {
                // Replaced by a later promotion meanwhile, or gone already: that one stays.
            }
        }
    }

    public async IAsyncEnumerable<IReadOnlyList<CatalogEntry>> AllAsync(int pageSize, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var filter = TableClient.CreateQueryFilter($"RowKey eq {CatalogKeys.MasterRow}");
        await foreach (var page in _table.QueryAsync<TableEntity>(filter, maxPerPage: pageSize, select: ["Sku"], cancellationToken: cancellationToken).AsPages())
        {
            var entries = await FindManyAsync(page.Values.Select(r => r.GetString("Sku")).ToArray(), cancellationToken);
            yield return entries.Values.OrderBy(e => e.Record.Sku, StringComparer.Ordinal).ToArray();
        }
    }
}
