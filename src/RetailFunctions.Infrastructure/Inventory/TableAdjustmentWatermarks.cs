using Azure.Data.Tables;
using RetailFunctions.Core.Inventory;
using RetailFunctions.Infrastructure.Storage;

namespace RetailFunctions.Infrastructure.Inventory;

/// <summary>
/// One row per adjustment source in the <c>inventory</c> table, in a partition no SKU can have ('|' is escaped in SKU
/// partitions), raised with the read's ETag so concurrent admissions never lower it.
/// </summary>
public sealed class TableAdjustmentWatermarks(StorageClients storage) : IAdjustmentWatermarks
{
    private const string Column = "Sequence";

    private readonly TableClient _table = storage.Tables.GetTableClient(StorageNames.InventoryTable);

    public Task<long?> RaiseAsync(string source, long sequence, CancellationToken cancellationToken) =>
        OptimisticConcurrency.RunAsync(
            async () =>
            {
                var found = await _table.GetEntityIfExistsAsync<TableEntity>(InventoryKeys.WatermarkPartition(source), InventoryKeys.WatermarkRow, [Column], cancellationToken);
                if (!found.HasValue || found.Value is not { } row)
                {
                    var applied = await HighestAppliedAsync(source, cancellationToken);
                    await _table.AddEntityAsync(Row(source, Math.Max(sequence, applied ?? long.MinValue)), cancellationToken);
                    return applied;
                }

                var watermark = row.GetInt64(Column);
                if (watermark < sequence)
                {
                    await _table.UpdateEntityAsync(Row(source, sequence), row.ETag, TableUpdateMode.Replace, cancellationToken);
                }

                return watermark;
            },
            cancellationToken);

    /// <summary>
    /// Only before a source's first watermark (positions written before watermarks existed): the highest sequence it
    /// applied to any position, one scan of the positions, once per source and storage account.
    /// </summary>
    private async Task<long?> HighestAppliedAsync(string source, CancellationToken cancellationToken)
    {
        var column = PositionEntity.SequenceColumn(source);
        var filter = TableClient.CreateQueryFilter($"RowKey ge {InventoryKeys.PositionPrefix} and RowKey lt {InventoryKeys.PositionEnd}");
        long? highest = null;
        await foreach (var position in _table.QueryAsync<TableEntity>(filter, select: [column], cancellationToken: cancellationToken))
        {
            if (position.GetInt64(column) is { } applied && applied > (highest ?? long.MinValue))
            {
                highest = applied;
            }
        }

        return highest;
    }

    private static TableEntity Row(string source, long sequence) =>
        new(InventoryKeys.WatermarkPartition(source), InventoryKeys.WatermarkRow) { [Column] = sequence };
}
