using RetailFunctions.Core.Inventory;

namespace RetailFunctions.Core.Tests.Inventory;

/// <summary>The sync table's rules in memory: one pending row per channel and SKU, versioned on every touch.</summary>
internal sealed class InMemoryInventorySync : IInventorySyncStore
{
    private readonly Lock _gate = new();
    private readonly Dictionary<(string Channel, string Sku), (DateTimeOffset FirstSeenAt, int Version, DateTimeOffset MarkedAt)> _pending = [];
    private readonly Dictionary<(string Channel, string Sku), ChannelListing> _listings = [];
    private int _version;

    public Task MarkPendingAsync(string channel, IReadOnlyCollection<string> skus, DateTimeOffset seenAt, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            foreach (var sku in skus)
            {
                var first = _pending.TryGetValue((channel, sku), out var existing) ? existing.FirstSeenAt : seenAt;
                _pending[(channel, sku)] = (first, ++_version, seenAt);
            }
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<PendingChange>> PendingAsync(string channel, int max, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult<IReadOnlyList<PendingChange>>(_pending
                .Where(p => p.Key.Channel == channel)
                .Select(p => new PendingChange(p.Key.Sku, p.Value.FirstSeenAt, p.Value.Version.ToString(System.Globalization.CultureInfo.InvariantCulture), p.Value.MarkedAt))
                .Take(max)
                .ToArray());
        }
    }

    public Task<IReadOnlyDictionary<string, ChannelListing>> ListingsAsync(string channel, IReadOnlyCollection<string> skus, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult<IReadOnlyDictionary<string, ChannelListing>>(skus
                .Where(s => _listings.ContainsKey((channel, s)))
                .ToDictionary(s => s, s => _listings[(channel, s)]));
        }
    }

    public Task ConfirmAsync(string channel, IReadOnlyList<PendingPush> pushed, DateTimeOffset confirmedAt, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            foreach (var push in pushed)
            {
                _listings[(channel, push.Sku)] = new ChannelListing(push.Sku, push.Desired, confirmedAt);
            }
        }

        return DropAsync(channel, pushed, cancellationToken);
    }

    public Task DropAsync(string channel, IReadOnlyList<PendingPush> unchanged, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            foreach (var push in unchanged)
            {
                if (_pending.TryGetValue((channel, push.Sku), out var row) && row.Version.ToString(System.Globalization.CultureInfo.InvariantCulture) == push.Version)
                {
                    _pending.Remove((channel, push.Sku));
                }
            }
        }

        return Task.CompletedTask;
    }

    public int PendingCount(string channel)
    {
        lock (_gate)
        {
            return _pending.Keys.Count(k => k.Channel == channel);
        }
    }
}
