using RetailFunctions.Core.Orders;

namespace RetailFunctions.Core.Settlements.Processing;

/// <summary>The order ledger as reconciliation reads it: by the references settlement files use.</summary>
public interface ISettlementOrders
{
    /// <summary>Finds the ledger's orders for the settlement's references, which are channel order ids or order names (<c>#1001</c>).</summary>
    /// <returns>The orders found, keyed by the reference asked for; unknown references are absent.</returns>
    Task<IReadOnlyDictionary<string, OrderRecord>> FindAsync(string channel, IReadOnlyCollection<string> orderRefs, CancellationToken cancellationToken);

    /// <summary>Orders of the channel shipped between the two instants that no settlement has paid for yet.</summary>
    Task<IReadOnlyList<OrderRecord>> FindShippedUnsettledAsync(string channel, DateTimeOffset shippedFrom, DateTimeOffset shippedTo, CancellationToken cancellationToken);

    /// <summary>Records that <paramref name="channelOrderIds"/> were paid by the settlement, so they are not reported unsettled later.</summary>
    Task MarkSettledAsync(string channel, string settlementId, IReadOnlyCollection<string> channelOrderIds, CancellationToken cancellationToken);
}
