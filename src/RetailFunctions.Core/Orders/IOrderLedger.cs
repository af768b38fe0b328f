using RetailFunctions.Core.Events;
using RetailFunctions.Core.Shipments;

namespace RetailFunctions.Core.Orders;

/// <summary>The system of record for orders the fabric has seen, one row per channel order.</summary>
public interface IOrderLedger
{
    /// <summary>Creates or updates the order; an older version never overwrites a newer one.</summary>
    Task<LedgerChange> RecordAsync(CanonicalOrder order, CancellationToken cancellationToken);

    /// <summary>Keeps an order that could not be taken in as <see cref="OrderStatus.Failed"/> with the reason.</summary>
    Task RecordFailureAsync(string channel, string channelOrderId, string reason, CancellationToken cancellationToken);

    Task<OrderRecord?> FindAsync(string channel, string channelOrderId, CancellationToken cancellationToken);

    /// <summary>The order as last mapped from its channel, with customer and address (personal data: never log it).</summary>
    Task<CanonicalOrder?> FindCanonicalAsync(string channel, string channelOrderId, CancellationToken cancellationToken);

    /// <summary>Records a workflow step. Only the order's workflow moves an order past <see cref="OrderStatus.Received"/>.</summary>
    Task UpdateProgressAsync(string channel, string channelOrderId, OrderProgress progress, CancellationToken cancellationToken);

    /// <summary>
    /// Records a workflow step and the event that announces it as one atomic write (the transactional outbox): both are
    /// kept or neither is. A repeat of the step keeps the event that is already recorded (its id is deterministic).
    /// </summary>
    Task UpdateProgressAsync(string channel, string channelOrderId, OrderProgress progress, RetailEvent announcement, CancellationToken cancellationToken);

    /// <summary>Adds a shipment unless one with the same id is already recorded.</summary>
    /// <returns>Every shipment of the order after the call.</returns>
    Task<IReadOnlyList<OrderShipment>> AddShipmentAsync(string channel, string channelOrderId, OrderShipment shipment, CancellationToken cancellationToken);

    /// <summary>
    /// Keeps a carrier's status for one of the order's tracking numbers. A status never replaces a later one, and
    /// nothing replaces <see cref="TrackingStatus.Delivered"/>: out-of-order updates cannot move a parcel backwards.
    /// </summary>
    /// <returns>False when the order is not in the ledger (yet).</returns>
    Task<bool> RecordTrackingAsync(string channel, string channelOrderId, TrackingEvent tracking, CancellationToken cancellationToken);

    /// <summary>
    /// Accepts a return against the order unless <paramref name="refusal"/> refuses it, as one atomic step so two
    /// returns of the same order can never both take the last unit. A return already accepted is accepted again.
    /// </summary>
    /// <param name="refusal">The policy: the reason to refuse the return given the order as stored, or null.</param>
    /// <returns>Null when accepted, else the reason it was refused.</returns>
    /// <exception cref="InvalidOperationException">The order is not in the ledger.</exception>
    Task<string?> AcceptReturnAsync(string channel, string channelOrderId, OrderReturn orderReturn, Func<OrderRecord, string?> refusal, CancellationToken cancellationToken);
}
