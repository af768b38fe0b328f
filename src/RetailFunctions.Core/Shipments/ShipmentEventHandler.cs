using Microsoft.Extensions.Logging;
using RetailFunctions.Core.Orders;
using RetailFunctions.Core.Webhooks;

namespace RetailFunctions.Core.Shipments;

/// <summary>
/// A source's archived shipment callback → <c>ShipmentConfirmed</c> on the order's workflow, or a carrier status on the
/// order's ledger row. A callback for an order the fabric cannot take it for yet is parked and matched again by
/// <see cref="ParkedShipmentRematcher"/>: never dropped. Storage failures propagate, so the queue retries.
/// </summary>
public sealed partial class ShipmentEventHandler(
    IShipmentMapper mapper,
    ShipmentMatcher matcher,
    IParkedShipments parkedShipments,
    ShipmentMetrics metrics,
    TimeProvider time,
    ILogger<ShipmentEventHandler> logger) : IChannelEventHandler
{
    public string Channel => ShipmentCallbackChannel.NamePrefix + mapper.Source;

    public async Task HandleAsync(ChannelEventEnvelope envelope, ReadOnlyMemory<byte> body, IOrderWorkflow workflow, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        var notice = mapper.Map(body.Span);
        if (await matcher.TryApplyAsync(notice, workflow, cancellationToken))
        {
            LogApplied(notice.Kind, notice.CallbackId, mapper.Source, notice.Channel, notice.ChannelOrderId);
            return;
        }

        var parked = new ParkedShipment(
            mapper.Source, notice.CallbackId, notice.Kind, notice.Channel, notice.ChannelOrderId, envelope.BlobPath, time.GetUtcNow(), 1, time.GetUtcNow(), null);
        await parkedShipments.ParkAsync(parked, cancellationToken);
        metrics.Parked(parked);
        LogParked(notice.Kind, notice.CallbackId, mapper.Source, notice.Channel, notice.ChannelOrderId);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Kind} {CallbackId} from {Source} applied to {Channel} order {OrderId}")]
    private partial void LogApplied(string kind, string callbackId, string source, string channel, string orderId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Kind} {CallbackId} from {Source} is for {Channel} order {OrderId}, which the fabric cannot take it for yet; parked")]
    private partial void LogParked(string kind, string callbackId, string source, string channel, string orderId);
}
