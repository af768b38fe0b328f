using Microsoft.Extensions.Logging;
using RetailFunctions.Core.Orders;
using RetailFunctions.Core.Webhooks;

namespace RetailFunctions.Core.Channels.Pos;

public sealed class PosChannelEventHandler(IOrderLedger ledger, ILogger<PosChannelEventHandler> logger) : IChannelEventHandler
{
    public string Channel => PosWebhookChannel.ChannelName;

    public async Task HandleAsync(ChannelEventEnvelope envelope, ReadOnlyMemory<byte> body, IOrderWorkflow workflow, CancellationToken cancellationToken)
    {
        if (!PosTopics.IsOrderTopic(envelope.Topic))
        {
            // Store returns belong to the returns flow; failing here parks the event in the poison queue,
            // where it stays visible and replayable instead of being dropped.
            throw new NotSupportedException($"POS transaction type '{envelope.Topic}' has no ingestion handler yet.");
        }

        await ledger.RecordMappedAsync(
            Channel,
            envelope.Topic,
            () => PosSaleMapper.Map(body.Span),
            () => PosSaleMapper.ReadOrderId(body.Span),
            workflow,
            logger,
            cancellationToken);
    }
}
