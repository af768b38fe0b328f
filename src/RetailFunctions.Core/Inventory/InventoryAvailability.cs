using Microsoft.Extensions.Options;

namespace RetailFunctions.Core.Inventory;

/// <summary>
/// After stock moves, works out what every channel should now show for the SKUs touched and marks it for the fan-out.
/// Idempotent (values come from the current positions), so it runs again on every retry.
/// </summary>
public sealed class InventoryAvailability(IInventoryPositions positions, IInventorySyncStore sync, IOptionsMonitor<InventoryOptions> options)
{
    private const int Parallelism = 8;

    public IReadOnlyList<(string Channel, int AvailableToSell)> ForChannels(IReadOnlyList<StockPosition> skuPositions)
    {
        var settings = options.CurrentValue;
        return settings.EnabledChannels()
            .Select(c => (c.Channel, AvailableToSell.ForChannel(skuPositions, settings.SafetyStock, c.Rules)))
            .ToArray();
    }

    public Task RecalculateAsync(IEnumerable<string> skus, DateTimeOffset seenAt, CancellationToken cancellationToken) =>
        Parallel.ForEachAsync(
            skus.Distinct(StringComparer.Ordinal),
            new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellationToken },
            async (sku, token) =>
            {
                var current = await positions.ForSkuAsync(sku, token);
                foreach (var (channel, available) in ForChannels(current))
                {
                    await sync.MarkPendingAsync(channel, sku, available, seenAt, token);
                }
            });
}
