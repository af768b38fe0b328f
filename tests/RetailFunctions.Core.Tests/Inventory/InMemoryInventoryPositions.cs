using System.Collections.Concurrent;
using RetailFunctions.Core.Inventory;

namespace RetailFunctions.Core.Tests.Inventory;

internal sealed class InMemoryInventoryPositions : IInventoryPositions
{
    private readonly ConcurrentDictionary<StockKey, StockPosition> _positions = new();

    public int Writes { get; private set; }

    public void Set(StockPosition position) => _positions[new StockKey(position.Sku, position.Location)] = position;

    public Task<IReadOnlyList<StockPosition>> ForSkuAsync(string sku, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<StockPosition>>(_positions.Values.Where(p => p.Sku == sku).ToArray());

    public Task<StockPosition?> FindAsync(StockKey key, CancellationToken cancellationToken) =>
        Task.FromResult(_positions.GetValueOrDefault(key));

    public Task<AdjustmentDecision> ApplyAsync(string source, long sequence, AdjustmentItem item, CancellationToken cancellationToken)
    {
        var (decision, next) = PositionAdjustment.Apply(_positions.GetValueOrDefault(item.Key) ?? StockPosition.Empty(item.Sku, item.Location), source, sequence, item);
        if (decision == AdjustmentDecision.Applied)
        {
            _positions[item.Key] = next;
            Writes++;
        }

        return Task.FromResult(decision);
    }

    public Task<SnapshotCorrection?> CorrectAsync(SnapshotRow row, CancellationToken cancellationToken)
    {
        var position = _positions.GetValueOrDefault(row.Key) ?? StockPosition.Empty(row.Sku, row.Location);
        var inTransit = row.InTransit ?? position.InTransit;
        if (position.OnHand == row.OnHand && position.InTransit == inTransit)
        {
            return Task.FromResult<SnapshotCorrection?>(null);
        }

        _positions[row.Key] = position with { OnHand = row.OnHand, InTransit = inTransit };
        Writes++;
        return Task.FromResult<SnapshotCorrection?>(new SnapshotCorrection(row.Sku, row.Location, position.OnHand, row.OnHand, position.InTransit, inTransit));
    }
}
