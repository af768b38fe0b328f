namespace RetailFunctions.Infrastructure.BackOffice.Erp;

/// <summary>Outer half: at most <see cref="ErpThrottlingOptions.MaxConcurrency"/> calls in flight.</summary>
internal sealed class ErpConcurrencyHandler(ErpThrottle throttle) : ErpThrottlingHandler
{
    protected override Task<IDisposable?> AcquireAsync(CancellationToken cancellationToken) => throttle.AcquireSlotAsync(cancellationToken);
}
