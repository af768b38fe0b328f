namespace RetailFunctions.Infrastructure.BackOffice.Erp;

/// <summary>Inner half: at most <see cref="ErpThrottlingOptions.RequestsPerSecond"/> requests reach the ERP.</summary>
internal sealed class ErpRateHandler(ErpThrottle throttle) : ErpThrottlingHandler
{
    protected override Task<IDisposable?> AcquireAsync(CancellationToken cancellationToken) => throttle.AcquireTokenAsync(cancellationToken);
}
