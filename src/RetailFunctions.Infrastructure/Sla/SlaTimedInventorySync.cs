using System.Globalization;
using Microsoft.Extensions.Logging;
using RetailFunctions.Core.Inventory;
using RetailFunctions.Core.Sla;

namespace RetailFunctions.Infrastructure.Sla;

/// <summary>
/// The inventory sync store with <see cref="SlaFlows.InventoryToChannels"/> judged as each channel confirms a push: the
/// pending row already keeps when its change was first seen, so no clock of its own is needed. One breach per
/// channel, SKU and change.
/// </summary>
public sealed class SlaTimedInventorySync(IInventorySyncStore inner, SlaTracker tracker, ILogger<SlaTimedInventorySync> logger) : IInventorySyncStore
{
    public async Task ConfirmAsync(string channel, IReadOnlyList<PendingPush> pushed, DateTimeOffset confirmedAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(pushed);
        await inner.ConfirmAsync(channel, pushed, confirmedAt, cancellationToken);
        foreach (var push in pushed)
        {
            var subject = string.Create(CultureInfo.InvariantCulture, $"{channel}/inventory/{push.Sku}@{push.FirstSeenAt.UtcDateTime:O}");
            await SlaTiming.SafelyAsync(logger, SlaFlows.InventoryToChannels, () => tracker.JudgeAsync(SlaFlows.InventoryToChannels, subject, push.FirstSeenAt, confirmedAt, cancellationToken));
        }
    }

    public Task MarkPendingAsync(string channel, IReadOnlyCollection<string> skus, DateTimeOffset seenAt, CancellationToken cancellationToken) =>
        inner.MarkPendingAsync(channel, skus, seenAt, cancellationToken);

    public Task<IReadOnlyList<PendingChange>> PendingAsync(string channel, int max, CancellationToken cancellationToken) =>
        inner.PendingAsync(channel, max, cancellationToken);

    public Task<IReadOnlyDictionary<string, ChannelListing>> ListingsAsync(string channel, IReadOnlyCollection<string> skus, CancellationToken cancellationToken) =>
        inner.ListingsAsync(channel, skus, cancellationToken);

    public Task DropAsync(string channel, IReadOnlyList<PendingPush> unchanged, CancellationToken cancellationToken) =>
        inner.DropAsync(channel, unchanged, cancellationToken);
}
