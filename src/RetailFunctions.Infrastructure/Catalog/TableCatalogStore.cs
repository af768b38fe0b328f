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
    private const int RangeScanThreshold = 64;

    private readonly TableClient _table = storage.Tables.GetTableClient(StorageNames.CatalogTable);

    public async Task<CatalogEntry?> FindAsync(string sku, CancellationToken cancellationToken) =>
        (await ReadAsync(TableClient.CreateQueryFilter($"PartitionKey eq {CatalogKeys.Partition(sku)}"), cancellationToken)).Values.SingleOrDefault();

    /// <remarks>
    /// Many SKUs (a product file) are read with one scan over their partition range, which costs a few pages instead
    /// of a query per SKU; a handful are read one partition each.
    /// </remarks>
    public async Task<IReadOnlyDictionary<string, CatalogEntry>> FindManyAsync(IReadOnlyCollection<string> skus, CancellationToken cancellationToken)
    {
        var wanted = skus.Distinct(StringComparer.Ordinal).ToArray();
        if (wanted.Length > RangeScanThreshold)
        {
            var partitions = wanted.Select(CatalogKeys.Partition).Order(StringComparer.Ordinal).ToArray();
            var range = await ReadAsync(TableClient.CreateQueryFilter($"PartitionKey ge {partitions[0]} and PartitionKey le {partitions[^1]}"), cancellationToken);
            return wanted.Where(range.ContainsKey).ToDictionary(sku => sku, sku => range[sku], StringComparer.Ordinal);
        }

        var entries = new ConcurrentDictionary<string, CatalogEntry>(StringComparer.Ordinal);
        await Parallel.ForEachAsync(
            wanted,
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

    public Task<bool> ReviewPriceAsync(string sku, decimal price, CancellationToken cancellationToken) =>
        OptimisticConcurrency.RunAsync(
            async () =>
            {
                var found = await _table.GetEntityIfExistsAsync<TableEntity>(CatalogKeys.Partition(sku), CatalogKeys.MasterRow, cancellationToken: cancellationToken);
                if (!found.HasValue || CatalogEntities.ToRecord(found.Value!) is not { } record || record.Price != price)
                {
                    return false;
                }

                await _table.UpdateEntityAsync(CatalogEntities.Master(record with { ReviewedPrice = price }), found.Value!.ETag, TableUpdateMode.Replace, cancellationToken);
                return true;
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

    public async IAsyncEnumerable<IReadOnlyList<CatalogEntry>> AllAsync(int pageSize, string? skuPrefix, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var prefix = string.IsNullOrEmpty(skuPrefix) ? null : CatalogKeys.Partition(skuPrefix);
        var filter = prefix is null
            ? TableClient.CreateQueryFilter($"RowKey eq {CatalogKeys.MasterRow}")
            : TableClient.CreateQueryFilter($"PartitionKey ge {prefix} and PartitionKey lt {prefix + char.MaxValue} and RowKey eq {CatalogKeys.MasterRow}");
        await foreach (var page in _table.QueryAsync<TableEntity>(filter, maxPerPage: pageSize, select: ["Sku"], cancellationToken: cancellationToken).AsPages())
        {
            var entries = await FindManyAsync(page.Values.Select(r => r.GetString("Sku")).ToArray(), cancellationToken);
            yield return entries.Values.OrderBy(e => e.Record.Sku, StringComparer.Ordinal).ToArray();
        }
    }

    /// <summary>The entries (SKUs with a master record) among the rows the filter selects, by SKU.</summary>
    private async Task<Dictionary<string, CatalogEntry>> ReadAsync(string filter, CancellationToken cancellationToken)
    {
        var partitions = new Dictionary<string, (CatalogRecord? Record, ActivePromotion? Promotion, Dictionary<string, CatalogChannelState> Channels)>(StringComparer.Ordinal);
        await foreach (var row in _table.QueryAsync<TableEntity>(filter, maxPerPage: 1000, cancellationToken: cancellationToken))
        {
            if (!partitions.TryGetValue(row.PartitionKey, out var entry))
            {
                entry = (null, null, new Dictionary<string, CatalogChannelState>(StringComparer.OrdinalIgnoreCase));
            }

            if (row.RowKey == CatalogKeys.MasterRow)
            {
                entry.Record = CatalogEntities.ToRecord(row);
            }
            else if (row.RowKey == CatalogKeys.PromotionRow)
            {
                entry.Promotion = CatalogEntities.ToPromotion(row);
            }
            else if (row.RowKey.StartsWith(CatalogKeys.ChannelPrefix, StringComparison.Ordinal))
            {
                var state = CatalogEntities.ToChannel(row);
                entry.Channels[state.Channel] = state;
            }

            partitions[row.PartitionKey] = entry;
        }

        return partitions.Values
            .Where(e => e.Record is not null)
            .ToDictionary(e => e.Record!.Sku, e => new CatalogEntry(e.Record!, e.Promotion, e.Channels), StringComparer.Ordinal);
    }
}
