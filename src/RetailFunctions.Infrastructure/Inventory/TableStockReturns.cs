using Azure.Data.Tables;
using RetailFunctions.Core.Inventory;
using RetailFunctions.Infrastructure.Storage;

namespace RetailFunctions.Infrastructure.Inventory;

/// <summary>
/// Restocks returned goods: on-hand goes up and a restock marker row is written in the same transaction, guarded by
/// the position's ETag, so a retried step finds its marker and restocks once. Channels then get the new availability.
/// </summary>
public sealed class TableStockReturns(StorageClients storage, InventoryAvailability availability, TimeProvider time) : IStockReturns
{
    private readonly TableClient _table = storage.Tables.GetTableClient(StorageNames.InventoryTable);

    public async Task RestockAsync(string returnKey, IReadOnlyList<ReservationLine> lines, CancellationToken cancellationToken)
    {
        var merged = lines.GroupBy(l => (l.Sku, l.Location)).Select(g => new ReservationLine(g.Key.Sku, g.Key.Location, g.Sum(l => l.Quantity))).ToList();
        foreach (var line in merged)
        {
            await OptimisticConcurrency.RunAsync(() => RestockLineAsync(returnKey, line, cancellationToken), cancellationToken);
        }

        await availability.MarkChangedAsync(merged.Select(l => l.Sku), time.GetUtcNow(), cancellationToken);
    }

    private async Task<bool> RestockLineAsync(string returnKey, ReservationLine line, CancellationToken cancellationToken)
    {
        var partition = InventoryKeys.Part(line.Sku);
        var markerKey = InventoryKeys.Restock(line.Location, returnKey);
        if ((await _table.GetEntityIfExistsAsync<TableEntity>(partition, markerKey, cancellationToken: cancellationToken)).HasValue)
        {
            return false;
        }

        var found = await _table.GetEntityIfExistsAsync<TableEntity>(partition, InventoryKeys.Position(line.Location), cancellationToken: cancellationToken);
        var entity = found.HasValue ? found.Value : null;
        var position = entity is null ? StockPosition.Empty(line.Sku, line.Location) : PositionEntity.ToPosition(entity);
        await _table.SubmitTransactionAsync(
            [
                PositionEntity.Write(entity, position with { OnHand = position.OnHand + line.Quantity }),
                new TableTransactionAction(TableTransactionActionType.Add, new TableEntity(partition, markerKey) { ["Quantity"] = line.Quantity, ["RestockedAt"] = time.GetUtcNow() }),
            ],
            cancellationToken);
        return true;
    }
}
