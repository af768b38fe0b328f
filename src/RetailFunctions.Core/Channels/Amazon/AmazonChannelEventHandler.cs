using Microsoft.Extensions.Logging;
using RetailFunctions.Core.BackOffice;
using RetailFunctions.Core.Orders;
using RetailFunctions.Core.Returns;
using RetailFunctions.Core.Webhooks;

namespace RetailFunctions.Core.Channels.Amazon;

/// <summary>
/// ORDER_CHANGE notifications carry too little to map an order (DESIGN §1.2): fetch the order and its items from
/// the SP-API, then record them. API failures propagate so the queue retries. Relayed returns start <c>ReturnRefund</c>.
/// </summary>
public sealed partial class AmazonChannelEventHandler(
    IAmazonOrdersApi ordersApi,
    IOrderLedger ledger,
    ReturnIntake returns,
    ILogger<AmazonChannelEventHandler> logger) : IChannelEventHandler
{
    public string Channel => AmazonWebhookChannel.ChannelName;

    public async Task HandleAsync(ChannelEventEnvelope envelope, ReadOnlyMemory<byte> body, IOrderWorkflow workflow, CancellationToken cancellationToken)
    {
        if (envelope.Topic == AmazonNotificationTypes.ReturnCreated)
        {
            // An unmappable return propagates to the poison queue, where it stays visible and replayable.
            await returns.AcceptAsync(AmazonReturnMapper.Map(body.Span), workflow, cancellationToken);
            return;
        }

        if (!AmazonNotificationTypes.IsOrderTopic(envelope.Topic))
        {
            // Failing parks the event in the poison queue, where it stays visible and replayable.
            throw new NotSupportedException($"Amazon notification type '{envelope.Topic}' has no ingestion handler yet.");
        }

        // The gate checked the order id, so a failure here is a corrupted archive: let it reach the poison queue.
        var change = AmazonOrderChange.Read(body.Span);
        if (change.OrderStatus == AmazonOrderStatuses.Pending)
        {
            LogPendingSkipped(change.AmazonOrderId);
            return;
        }

        var order = await ordersApi.GetOrderAsync(change.AmazonOrderId, cancellationToken);
        if (AmazonOrderMapper.IsPending(order))
        {
            LogPendingSkipped(change.AmazonOrderId);
            return;
        }

        var items = await ordersApi.GetOrderItemsAsync(change.AmazonOrderId, cancellationToken);

        await ledger.RecordMappedAsync(
            Channel,
            envelope.Topic,
            () => AmazonOrderMapper.Map(order, items),
            () => change.AmazonOrderId,
            workflow,
            logger,
            cancellationToken);
    }

    // A later ORDER_CHANGE announces the authorized order; until then it has no prices and must not ship.
    [LoggerMessage(Level = LogLevel.Information, Message = "Amazon order {OrderId} is Pending; waiting for the order change that authorizes it")]
    private partial void LogPendingSkipped(string orderId);
}
