using Microsoft.Extensions.Logging;
using RetailFunctions.Core.Orders;
using RetailFunctions.Core.Webhooks;

namespace RetailFunctions.Core.Shipments;

/// <summary>
/// A source's archived shipment callback → <c>ShipmentConfirmed</c> on the order's workflow. A shipment for an order the
/// fabric has no running process for fails, so the queue retries it and finally parks it in the poison queue, from
/// where it can be replayed once the order has arrived: never dropped.
/// </summary>
public sealed partial class ShipmentEventHandler(IShipmentMapper mapper, ILogger<ShipmentEventHandler> logger) : IChannelEventHandler
{
    public string Channel => ShipmentCallbackChannel.NamePrefix + mapper.Source;

    public async Task HandleAsync(ChannelEventEnvelope envelope, ReadOnlyMemory<byte> body, IOrderWorkflow workflow, CancellationToken cancellationToken)
    {
        var shipment = mapper.Map(body.Span);
        if (!await workflow.ConfirmShipmentAsync(shipment.Channel, shipment.ChannelOrderId, shipment.Shipment, cancellationToken))
        {
            throw new InvalidOperationException(
                $"Shipment {shipment.Shipment.ShipmentId} from {mapper.Source} is for {shipment.Channel} order {shipment.ChannelOrderId}, which has no running workflow yet.");
        }

        LogConfirmed(shipment.Shipment.ShipmentId, mapper.Source, shipment.Channel, shipment.ChannelOrderId);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Shipment {ShipmentId} from {Source} confirmed on {Channel} order {OrderId}")]
    private partial void LogConfirmed(string shipmentId, string source, string channel, string orderId);
}
