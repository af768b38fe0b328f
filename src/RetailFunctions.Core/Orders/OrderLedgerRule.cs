namespace RetailFunctions.Core.Orders;

/// <summary>
/// How a delivered version of an order changes its ledger row. Channels redeliver and reorder webhooks, so the rule
/// must give the same row whatever the order of arrival: a version older than the stored one is stale, a
/// cancellation moves a received order to <see cref="OrderStatus.Cancelled"/>, and a corrected redelivery of an order
/// that could not be mapped starts over. Statuses the workflow set later are never moved back by a delivery.
/// </summary>
public static class OrderLedgerRule
{
    public static DateTimeOffset VersionOf(CanonicalOrder order)
    {
        ArgumentNullException.ThrowIfNull(order);
        return order.UpdatedAt ?? order.PlacedAt;
    }

    public static OrderStatus InitialStatus(CanonicalOrder order)
    {
        ArgumentNullException.ThrowIfNull(order);
        return order.CancelledAt is null ? OrderStatus.Received : OrderStatus.Cancelled;
    }

    /// <param name="storedVersion">The version of the stored order; null when it has none (a failure kept without one).</param>
    public static bool IsStale(OrderStatus current, DateTimeOffset? storedVersion, CanonicalOrder incoming) =>
        current != OrderStatus.Failed && storedVersion is { } stored && VersionOf(incoming) < stored;

    public static OrderStatus NextStatus(OrderStatus current, CanonicalOrder incoming) => current switch
    {
        OrderStatus.Failed => InitialStatus(incoming),
        OrderStatus.Received when incoming.CancelledAt is not null => OrderStatus.Cancelled,
        _ => current,
    };
}
