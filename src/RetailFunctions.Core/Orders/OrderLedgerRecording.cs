using Microsoft.Extensions.Logging;

namespace RetailFunctions.Core.Orders;

/// <summary>
/// What every channel handler does with a mapped order: record it and start its workflow (or ask the workflow to
/// cancel it), or keep the order as <see cref="OrderStatus.Failed"/> with the reason when its payload cannot be mapped.
/// </summary>
public static partial class OrderLedgerRecording
{
    /// <param name="map">Maps the payload; throws <see cref="OrderMappingException"/> for unmappable input.</param>
    /// <param name="orderIdOfUnmappable">The channel order id to keep the failure under, read only when mapping fails.</param>
    /// <returns>The ledger change, or null when the order could not be mapped and was recorded as failed.</returns>
    public static async Task<LedgerChange?> RecordMappedAsync(
        this IOrderLedger ledger,
        string channel,
        string topic,
        Func<CanonicalOrder> map,
        Func<string> orderIdOfUnmappable,
        IOrderWorkflow workflow,
        ILogger logger,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        ArgumentNullException.ThrowIfNull(map);
        ArgumentNullException.ThrowIfNull(orderIdOfUnmappable);
        ArgumentNullException.ThrowIfNull(workflow);

        CanonicalOrder order;
        try
        {
            order = map();
        }
        catch (OrderMappingException ex)
        {
            var orderId = orderIdOfUnmappable();
            LogUnmappable(logger, channel, orderId, topic, ex.Field);
            await ledger.RecordFailureAsync(channel, orderId, ex.Message, cancellationToken);
            return null;
        }

        var change = await ledger.RecordAsync(order, cancellationToken);
        LogRecorded(logger, channel, order.ChannelOrderId, topic, change);
        if (change == LedgerChange.Stale)
        {
            return change;
        }

        if (order.CancelledAt is { } cancelledAt)
        {
            await workflow.RequestCancellationAsync(new ChannelCancellation(channel, order.ChannelOrderId, null, topic, cancelledAt), cancellationToken);
        }
        else
        {
            await workflow.StartAsync(channel, order.ChannelOrderId, cancellationToken);
        }

        return change;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Channel} order {OrderId} from {Topic}: ledger {Change}")]
    private static partial void LogRecorded(ILogger logger, string channel, string orderId, string topic, LedgerChange change);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Channel} order {OrderId} from {Topic} cannot be mapped ({Field}); kept as Failed")]
    private static partial void LogUnmappable(ILogger logger, string channel, string orderId, string topic, string field);
}
