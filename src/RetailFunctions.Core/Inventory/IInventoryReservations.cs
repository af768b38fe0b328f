namespace RetailFunctions.Core.Inventory;

/// <summary>
/// Stock held for orders. Every call is idempotent per <c>OrderKey</c> (the order's orchestration instance id), so a
/// retried activity never reserves, releases or consumes twice. Reservations never exceed on-hand, even under concurrency.
/// </summary>
public interface IInventoryReservations
{
    Task<ReservationResult> ReserveAsync(ReservationRequest request, CancellationToken cancellationToken);

    /// <summary>Gives back whatever the order still holds (cancellation, failure).</summary>
    Task ReleaseAsync(string orderKey, CancellationToken cancellationToken);

    /// <summary>Stock left the building (shipment, or a sale at the counter): on-hand and reserved both go down.</summary>
    Task ConsumeAsync(string orderKey, string consumptionId, IReadOnlyList<ReservationLine> lines, CancellationToken cancellationToken);
}

public sealed record ReservationRequest(string OrderKey, string Channel, IReadOnlyList<ReservationLine> Lines);

public sealed record ReservationLine(string Sku, string Location, int Quantity);

/// <param name="Shortages">Lines that could not be reserved in full, with the quantity that was available.</param>
public sealed record ReservationResult(bool Reserved, string? Reason, IReadOnlyList<ReservationShortage> Shortages);

public sealed record ReservationShortage(string Sku, string Location, int Requested, int Available);
