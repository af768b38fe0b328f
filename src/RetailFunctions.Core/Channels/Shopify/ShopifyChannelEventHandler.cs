using Microsoft.Extensions.Logging;
using RetailFunctions.Core.Orders;
using RetailFunctions.Core.Returns;
using RetailFunctions.Core.Webhooks;

namespace RetailFunctions.Core.Channels.Shopify;

public sealed partial class ShopifyChannelEventHandler(
    IOrderLedger ledger,
    ReturnIntake returns,
    ILogger<ShopifyChannelEventHandler> logger) : IChannelEventHandler
{
    public string Channel => ShopifyWebhookChannel.ChannelName;

    public async Task HandleAsync(ChannelEventEnvelope envelope, ReadOnlyMemory<byte> body, IOrderWorkflow workflow, CancellationToken cancellationToken)
    {
        if (envelope.Topic == ShopifyTopics.RefundsCreate)
        {
            // An unmappable refund propagates to the poison queue, where it stays visible and replayable.
            if (ShopifyRefundMapper.Map(body.Span) is { } request)
            {
                await returns.AcceptAsync(request, workflow, cancellationToken);
            }
            else
            {
                LogNothingReturned(envelope.EventId);
            }

            return;
        }

        if (!ShopifyTopics.IsOrderTopic(envelope.Topic))
        {
            throw new NotSupportedException($"Shopify topic '{envelope.Topic}' has no ingestion handler.");
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

    [LoggerMessage(Level = LogLevel.Information, Message = "Shopify refund event {EventId} has no refund line items (shipping or goodwill refund); no return to process")]
    private partial void LogNothingReturned(string eventId);
}
