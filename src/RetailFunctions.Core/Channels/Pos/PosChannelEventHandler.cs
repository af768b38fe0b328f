using Microsoft.Extensions.Logging;
using RetailFunctions.Core.Orders;
using RetailFunctions.Core.Returns;
using RetailFunctions.Core.Webhooks;

namespace RetailFunctions.Core.Channels.Pos;

public sealed class PosChannelEventHandler(IOrderLedger ledger, ReturnIntake returns, ILogger<PosChannelEventHandler> logger) : IChannelEventHandler
{
    public string Channel => PosWebhookChannel.ChannelName;

    public async Task HandleAsync(ChannelEventEnvelope envelope, ReadOnlyMemory<byte> body, IOrderWorkflow workflow, CancellationToken cancellationToken)
    {
        if (envelope.Topic == PosTopics.Return)
        {
            // An unmappable return propagates to the poison queue, where it stays visible and replayable.
            await returns.AcceptAsync(PosReturnMapper.Map(body.Span), workflow, cancellationToken);
            return;
        }

        if (!PosTopics.IsOrderTopic(envelope.Topic))
        {
            throw new NotSupportedException($"POS transaction type '{envelope.Topic}' has no ingestion handler.");
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
