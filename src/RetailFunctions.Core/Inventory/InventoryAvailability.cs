using Microsoft.Extensions.Options;

namespace RetailFunctions.Core.Inventory;

/// <summary>What each channel may show for a SKU, and the marking of changed SKUs for the fan-out.</summary>
public sealed class InventoryAvailability(IInventoryPositions positions, IInventorySyncStore sync, IOptionsMonitor<InventoryOptions> options)
{
    public IReadOnlyList<(string Channel, int AvailableToSell)> ForChannels(IReadOnlyList<StockPosition> skuPositions)
    {
        var settings = options.CurrentValue;
        return settings.EnabledChannels()
            .Select(c => (c.Channel, AvailableToSell.ForChannel(skuPositions, settings.SafetyStock, c.Rules)))
            .ToArray();
    }

    /// <summary>
    /// The values <paramref name="channel"/> should show now for the pending SKUs, read fresh from the positions (all
    /// of them together) after the pending rows were read: a change made since moves a row's version on, so it stays
    /// pending for the next push.
    /// </summary>
    public async Task<IReadOnlyList<PendingPush>> DesiredAsync(string channel, IReadOnlyList<PendingChange> changes, CancellationToken cancellationToken)
    {
        var settings = options.CurrentValue;
        var rules = settings.RulesFor(channel);
        var current = await positions.ForSkusAsync([.. changes.Select(c => c.Sku)], cancellationToken);
        return [.. changes.Select(c => new PendingPush(c.Sku, AvailableToSell.ForChannel(current[c.Sku], settings.SafetyStock, rules), c.FirstSeenAt, c.Version, c.LastMarkedAt))];
    }

    /// <summary>
    /// Marks the SKUs as changed on every channel. Idempotent, so callers run it again on every retry, including
    /// retries that found their stock change already applied.
    /// </summary>
    public Task MarkChangedAsync(IEnumerable<string> skus, DateTimeOffset seenAt, CancellationToken cancellationToken)
    {
        var distinct = skus.Distinct(StringComparer.Ordinal).ToArray();
        return Parallel.ForEachAsync(
            options.CurrentValue.EnabledChannels(),
            cancellationToken,
            async (channel, token) => await sync.MarkPendingAsync(channel.Channel, distinct, seenAt, token));
    }
}
