namespace RetailFunctions.Core.Catalog;

/// <summary>Runs a promotion's schedule durably: activate at its start, withdraw at its end, across restarts.</summary>
public interface ICatalogPromotionScheduler
{
    /// <returns>False when the promotion is already scheduled (the same id was sent before).</returns>
    Task<bool> ScheduleAsync(CatalogPromotion promotion, CancellationToken cancellationToken);
}
