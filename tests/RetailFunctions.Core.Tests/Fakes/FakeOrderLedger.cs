using RetailFunctions.Core.Orders;

namespace RetailFunctions.Core.Tests.Fakes;

/// <summary>An in-memory ledger that keeps every call, newest order per id, with the real stale-version rule.</summary>
internal sealed class FakeOrderLedger : IOrderLedger
{
    private readonly Dictionary<(string Channel, string Id), CanonicalOrder> _orders = [];

    public List<CanonicalOrder> Recorded { get; } = [];

    public List<(string Channel, string ChannelOrderId, string Reason)> Failures { get; } = [];

    public Task<LedgerChange> RecordAsync(CanonicalOrder order, CancellationToken cancellationToken)
    {
        Recorded.Add(order);
        var key = (order.Channel, order.ChannelOrderId);
        if (_orders.TryGetValue(key, out var existing)
            && (order.UpdatedAt ?? order.PlacedAt) < (existing.UpdatedAt ?? existing.PlacedAt))
        {
            return Task.FromResult(LedgerChange.Stale);
        }

        var change = existing is null ? LedgerChange.Created : LedgerChange.Updated;
        _orders[key] = order;
        return Task.FromResult(change);
    }

    public Task RecordFailureAsync(string channel, string channelOrderId, string reason, CancellationToken cancellationToken)
    {
        Failures.Add((channel, channelOrderId, reason));
        return Task.CompletedTask;
    }

    public Task<OrderRecord?> FindAsync(string channel, string channelOrderId, CancellationToken cancellationToken) =>
        throw new NotSupportedException("The channel handlers never read the ledger.");
}
