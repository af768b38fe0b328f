using Azure;
using Azure.Data.Tables;
using RetailFunctions.Core.Inventory;
using RetailFunctions.Infrastructure.Storage;

namespace RetailFunctions.Infrastructure.Inventory;

public sealed class TableInventoryPositions(StorageClients storage) : IInventoryPositions
{
    private const int Parallelism = 8;
    private const int ApplyRounds = 4;

    private readonly TableClient _table = storage.Tables.GetTableClient(StorageNames.InventoryTable);

    public async Task<IReadOnlyList<StockPosition>> ForSkuAsync(string sku, CancellationToken cancellationToken) =>
        [.. (await PartitionPositionsAsync(InventoryKeys.Part(sku), cancellationToken)).Select(PositionEntity.ToPosition)];

    public async Task<IReadOnlyDictionary<string, IReadOnlyList<StockPosition>>> ForSkusAsync(IReadOnlyCollection<string> skus, CancellationToken cancellationToken)
    {
        var rows = await PositionRowsAsync(skus, cancellationToken);
        return skus.Distinct(StringComparer.Ordinal).ToDictionary(
            sku => sku,
            sku => rows.TryGetValue(InventoryKeys.Part(sku), out var found) ? (IReadOnlyList<StockPosition>)[.. found.Select(PositionEntity.ToPosition)] : [],
            StringComparer.Ordinal);
    }

    /// <summary>The position rows of the SKUs, by partition.</summary>
    private Task<IReadOnlyDictionary<string, List<TableEntity>>> PositionRowsAsync(IEnumerable<string> skus, CancellationToken cancellationToken) =>
        KeyRangeReads.ReadAsync(
            _table,
            skus.Select(InventoryKeys.Part),
            (from, to) => TableClient.CreateQueryFilter(
                $"PartitionKey ge {from} and PartitionKey le {to} and RowKey ge {InventoryKeys.PositionPrefix} and RowKey lt {InventoryKeys.PositionEnd}"),
            row => row.PartitionKey,
            null,
            PartitionPositionsAsync,
            cancellationToken);

    private async Task<IReadOnlyList<TableEntity>> PartitionPositionsAsync(string partition, CancellationToken cancellationToken)
    {
        var rows = new List<TableEntity>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey ge {InventoryKeys.PositionPrefix} and RowKey lt {InventoryKeys.PositionEnd}");
        await foreach (var entity in _table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            rows.Add(entity);
        }

        return rows;
    }

    public async Task<StockPosition?> FindAsync(StockKey key, CancellationToken cancellationToken) =>
        await GetAsync(key, cancellationToken) is { } entity ? PositionEntity.ToPosition(entity) : null;

    /// <summary>Applies one adjustment item under the sequence rule, retrying on concurrent writes (the sparse path of <see cref="ApplyAllAsync"/>).</summary>
    public Task<AdjustmentDecision> ApplyAsync(string source, long sequence, AdjustmentItem item, CancellationToken cancellationToken) =>
        OptimisticConcurrency.RunAsync(async () => await ApplyToAsync(await GetAsync(item.Key, cancellationToken), source, sequence, item, cancellationToken), cancellationToken);

    /// <remarks>
    /// The message's positions are read together (<see cref="KeyRangeReads"/>), then each is written on its own with
    /// the ETag of that read, as <see cref="ApplyAsync"/> does. Messages handled side by side often share SKUs, and of
    /// the writers of one position exactly one wins a round: the others are read again together and retried, a few
    /// rounds, then one by one.
    /// </remarks>
    public async Task<IReadOnlyList<AdjustmentDecision>> ApplyAllAsync(string source, long sequence, IReadOnlyList<AdjustmentItem> items, CancellationToken cancellationToken)
    {
        var decisions = new AdjustmentDecision[items.Count];
        int[] left = [.. Enumerable.Range(0, items.Count)];
        for (var round = 1; left.Length > 0; round++)
        {
            var read = await PositionRowsAsync(left.Select(i => items[i].Sku), cancellationToken);
            var lastRound = round == ApplyRounds;
            var lost = new System.Collections.Concurrent.ConcurrentBag<int>();
            await Parallel.ForEachAsync(
                left,
                new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellationToken },
                async (i, token) =>
                {
                    var item = items[i];
                    var row = InventoryKeys.Position(item.Location);
                    var entity = read.TryGetValue(InventoryKeys.Part(item.Sku), out var rows) ? rows.Find(r => r.RowKey == row) : null;
                    try
                    {
                        decisions[i] = await ApplyToAsync(entity, source, sequence, item, token);
                    }
                    catch (RequestFailedException ex) when (ex.Status is 409 or 412)
                    {
                        if (lastRound)
                        {
                            decisions[i] = await ApplyAsync(source, sequence, item, token);
                        }
                        else
                        {
                            lost.Add(i);
                        }
                    }
                });
            left = [.. lost];
        }

        return decisions;
    }

    private async Task<AdjustmentDecision> ApplyToAsync(TableEntity? entity, string source, long sequence, AdjustmentItem item, CancellationToken cancellationToken)
    {
        var position = entity is null ? StockPosition.Empty(item.Sku, item.Location) : PositionEntity.ToPosition(entity);
        var (decision, next) = PositionAdjustment.Apply(position, source, sequence, item);
        if (decision == AdjustmentDecision.Applied)
        {
            await _table.SubmitTransactionAsync([PositionEntity.Write(entity, next)], cancellationToken);
        }

        return decision;
    }

    public Task<SnapshotCorrection?> CorrectAsync(SnapshotRow row, CancellationToken cancellationToken) =>
        OptimisticConcurrency.RunAsync(
            async () =>
            {
                var entity = await GetAsync(row.Key, cancellationToken);
                var position = entity is null ? StockPosition.Empty(row.Sku, row.Location) : PositionEntity.ToPosition(entity);
                var inTransit = row.InTransit ?? position.InTransit;
                if (position.OnHand == row.OnHand && position.InTransit == inTransit)
                {
                    return null;
                }

                await _table.SubmitTransactionAsync([PositionEntity.Write(entity, position with { OnHand = row.OnHand, InTransit = inTransit })], cancellationToken);
                return new SnapshotCorrection(row.Sku, row.Location, position.OnHand, row.OnHand, position.InTransit, inTransit);
            },
            cancellationToken);

    private async Task<TableEntity?> GetAsync(StockKey key, CancellationToken cancellationToken)
    {
        var found = await _table.GetEntityIfExistsAsync<TableEntity>(InventoryKeys.Part(key.Sku), InventoryKeys.Position(key.Location), cancellationToken: cancellationToken);
        return found.HasValue ? found.Value : null;
    }
}
