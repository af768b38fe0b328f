using Microsoft.Extensions.Logging;
using RetailFunctions.Core.Orders;
using RetailFunctions.Core.Webhooks;

namespace RetailFunctions.Core.Channels.Shopify;

public sealed partial class ShopifyChannelEventHandler(IOrderLedger ledger, ILogger<ShopifyChannelEventHandler> logger) : IChannelEventHandler
{
    public string Channel => ShopifyWebhookChannel.ChannelName;

    public async Task HandleAsync(ChannelEventEnvelope envelope, ReadOnlyMemory<byte> body, CancellationToken cancellationToken)
    {
        if (!ShopifyTopics.IsOrderTopic(envelope.Topic))
        {
            // Refunds belong to the returns flow; failing here parks the event in the poison queue,
            // where it stays visible and replayable instead of being dropped.
            throw new NotSupportedException($"Shopify topic '{envelope.Topic}' has no ingestion handler yet.");
        }

        CanonicalOrder order;
        try
        {
            order = ShopifyOrderMapper.Map(body.Span);
        }
        catch (OrderMappingException ex)
        {
            var orderId = ShopifyOrderMapper.ReadOrderId(body.Span);
            LogUnmappable(orderId, ex.Field);
            await ledger.RecordFailureAsync(Channel, orderId, ex.Message, cancellationToken);
            return;
        }

        var change = await ledger.RecordAsync(order, cancellationToken);
        LogRecorded(order.ChannelOrderId, envelope.Topic, change);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Shopify order {OrderId} from {Topic}: ledger {Change}")]
    private partial void LogRecorded(string orderId, string topic, LedgerChange change);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Shopify order {OrderId} cannot be mapped ({Field}); kept as Failed")]
    private partial void LogUnmappable(string orderId, string field);
}
