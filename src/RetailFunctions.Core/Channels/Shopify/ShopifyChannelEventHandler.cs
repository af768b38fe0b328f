using Microsoft.Extensions.Logging;
using RetailFunctions.Core.Orders;
using RetailFunctions.Core.Webhooks;

namespace RetailFunctions.Core.Channels.Shopify;

public sealed class ShopifyChannelEventHandler(IOrderLedger ledger, ILogger<ShopifyChannelEventHandler> logger) : IChannelEventHandler
{
    public string Channel => ShopifyWebhookChannel.ChannelName;

    public async Task HandleAsync(ChannelEventEnvelope envelope, ReadOnlyMemory<byte> body, IOrderWorkflow workflow, CancellationToken cancellationToken)
    {
        if (!ShopifyTopics.IsOrderTopic(envelope.Topic))
        {
            // Refunds belong to the returns flow; failing here parks the event in the poison queue,
            // where it stays visible and replayable instead of being dropped.
            throw new NotSupportedException($"Shopify topic '{envelope.Topic}' has no ingestion handler yet.");
        }

        await ledger.RecordMappedAsync(
            Channel,
            envelope.Topic,
            () => ShopifyOrderMapper.Map(body.Span),
            () => ShopifyOrderMapper.ReadOrderId(body.Span),
            workflow,
            logger,
            cancellationToken);
    }
}
