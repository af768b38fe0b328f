namespace RetailFunctions.Core.Orders;

/// <summary>
/// The order's long-running process (the <c>OrderToCash</c> orchestration, instance <c>order-{channel}-{channelOrderId}</c>)
/// as ingestion and callbacks see it. Every call is idempotent: redelivered events ask for the same thing again.
/// </summary>
public interface IOrderWorkflow
{
    /// <summary>Starts the order's process unless it already runs or ran.</summary>
    Task StartAsync(string channel, string channelOrderId, CancellationToken cancellationToken);

    /// <summary>Raises <c>CancelRequested</c> on the order's process; nothing to do when it never started.</summary>
    Task RequestCancellationAsync(ChannelCancellation cancellation, CancellationToken cancellationToken);

    /// <summary>Raises <c>ShipmentConfirmed</c>; false when the fabric has no running process for the order (yet).</summary>
    Task<bool> ConfirmShipmentAsync(string channel, string channelOrderId, OrderShipment shipment, CancellationToken cancellationToken);

    /// <summary>Starts the <c>ReturnRefund</c> process of a return (instance <c>return-{channel}-{returnId}</c>) unless it already runs or ran.</summary>
    /// <param name="channel">The channel the return came in through, which need not be the channel of the sale.</param>
    Task StartReturnAsync(string channel, string returnId, CancellationToken cancellationToken);
}
