namespace RetailFunctions.Core.Inventory;

/// <summary>
/// Returned goods going back on the shelf. Implemented by the inventory context: on-hand goes up at the location, and
/// the change flows to every channel like any other. Idempotent per <c>returnKey</c>, so a retried step restocks once.
/// </summary>
public interface IStockReturns
{
    Task RestockAsync(string returnKey, IReadOnlyList<ReservationLine> lines, CancellationToken cancellationToken);
}
