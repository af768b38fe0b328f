using Microsoft.Extensions.Logging;
using RetailFunctions.Core.Orders;
using RetailFunctions.Core.Returns;
using RetailFunctions.Core.Webhooks;

namespace RetailFunctions.Core.Channels.Walmart;

/// <summary>New purchase orders go to the ledger; auto-cancelled lines become cancellation requests; returns start <c>ReturnRefund</c>.</summary>
public sealed partial class WalmartChannelEventHandler(
    IOrderLedger ledger,
    ReturnIntake returns,
    ILogger<WalmartChannelEventHandler> logger) : IChannelEventHandler
{
    public string Channel => WalmartWebhookChannel.ChannelName;

    public async Task HandleAsync(ChannelEventEnvelope envelope, ReadOnlyMemory<byte> body, IOrderWorkflow workflow, CancellationToken cancellationToken)
    {
        switch (envelope.Topic)
        {
            case WalmartEventTypes.PoCreated:
                await ledger.RecordMappedAsync(
                    Channel,
                    envelope.Topic,
                    () => WalmartOrderMapper.Map(body.Span),
                    () => WalmartOrderMapper.ReadPurchaseOrderId(body.Span),
                    workflow,
                    logger,
                    cancellationToken);
                break;

            case WalmartEventTypes.PoLineAutoCancelled:
                // An unmappable cancellation propagates to the poison queue instead of failing the order: the order
                // itself is sound, and the parked event stays visible and replayable.
                var cancellation = WalmartOrderMapper.MapCancellation(body.Span);
                await workflow.RequestCancellationAsync(cancellation, cancellationToken);
                LogCancellationRequested(cancellation.ChannelOrderId, cancellation.LineIds?.Count ?? 0, envelope.EventId);
                break;

            case WalmartEventTypes.ReturnCreated or WalmartEventTypes.ReturnInitiated:
                // An unmappable return propagates to the poison queue, where it stays visible and replayable.
                await returns.AcceptAsync(WalmartReturnMapper.Map(body.Span), workflow, cancellationToken);
                break;

            default:
                // Failing parks the event in the poison queue, where it stays visible and replayable.
                throw new NotSupportedException($"Walmart event type '{envelope.Topic}' has no ingestion handler yet.");
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Walmart order {OrderId}: cancellation of {LineCount} auto-cancelled line(s) requested (event {EventId})")]
    private partial void LogCancellationRequested(string orderId, int lineCount, string eventId);
}
