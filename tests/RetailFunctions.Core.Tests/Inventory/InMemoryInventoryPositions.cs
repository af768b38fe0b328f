using System.Collections.Concurrent;
using RetailFunctions.Core.Inventory;

namespace RetailFunctions.Core.Tests.Inventory;

internal sealed class InMemoryInventoryPositions : IInventoryPositions
{
    private readonly ConcurrentDictionary<StockKey, StockPosition> _positions = new();

    private int _lookups;

    public int Writes { get; private set; }

    /// <summary>Single-position reads (<see cref="FindAsync"/>), what the adjustments gate pays per item.</summary>
    public int Lookups => _lookups;

    public void Set(StockPosition position) => _positions[new StockKey(position.Sku, position.Location)] = position;

    public Task<IReadOnlyList<StockPosition>> ForSkuAsync(string sku, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<StockPosition>>(_positions.Values.Where(p => p.Sku == sku).ToArray());

    public Task<IReadOnlyDictionary<string, IReadOnlyList<StockPosition>>> ForSkusAsync(IReadOnlyCollection<string> skus, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyDictionary<string, IReadOnlyList<StockPosition>>>(skus.Distinct().ToDictionary(
            sku => sku,
            sku => (IReadOnlyList<StockPosition>)[.. _positions.Values.Where(p => p.Sku == sku)]));

    public Task<StockPosition?> FindAsync(StockKey key, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _lookups);
        return Task.FromResult(_positions.GetValueOrDefault(key));
    }

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

    public async Task<IReadOnlyList<AdjustmentDecision>> ApplyAllAsync(string source, long sequence, IReadOnlyList<AdjustmentItem> items, CancellationToken cancellationToken)
    {
        var decisions = new List<AdjustmentDecision>();
        foreach (var item in items)
        {
            decisions.Add(await ApplyAsync(source, sequence, item, cancellationToken));
        }

        return decisions;
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
