namespace RetailFunctions.Core.Orders;

/// <summary>The system of record for orders the fabric has seen, one row per channel order.</summary>
public interface IOrderLedger
{
    /// <summary>Creates or updates the order; an older version never overwrites a newer one.</summary>
    Task<LedgerChange> RecordAsync(CanonicalOrder order, CancellationToken cancellationToken);

    /// <summary>Keeps an order that could not be taken in as <see cref="OrderStatus.Failed"/> with the reason.</summary>
    Task RecordFailureAsync(string channel, string channelOrderId, string reason, CancellationToken cancellationToken);

    Task<OrderRecord?> FindAsync(string channel, string channelOrderId, CancellationToken cancellationToken);
}
