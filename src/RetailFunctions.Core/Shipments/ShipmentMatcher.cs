using RetailFunctions.Core.Orders;

namespace RetailFunctions.Core.Shipments;

/// <summary>Hands a callback to its order: a shipment to the order's workflow, a carrier status to the order's ledger row.</summary>
public sealed class ShipmentMatcher(IOrderLedger ledger)
{
    /// <returns>False when the order (or its running workflow) is not there yet: the notice must be parked.</returns>
    public Task<bool> TryApplyAsync(ShipmentNotice notice, IOrderWorkflow workflow, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notice);
        ArgumentNullException.ThrowIfNull(workflow);
        return notice.Shipment is { } shipment
            ? workflow.ConfirmShipmentAsync(notice.Channel, notice.ChannelOrderId, shipment, cancellationToken)
            : ledger.RecordTrackingAsync(notice.Channel, notice.ChannelOrderId, notice.Tracking!, cancellationToken);
    }
}
