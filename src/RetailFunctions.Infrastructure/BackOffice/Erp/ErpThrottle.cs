using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace RetailFunctions.Infrastructure.BackOffice.Erp;

/// <summary>The process-wide token bucket and concurrency cap in front of the cloud ERP (<see cref="ErpThrottlingOptions"/>).</summary>
public sealed class ErpThrottle : IAsyncDisposable
{
    private readonly TokenBucketRateLimiter _rate;
    private readonly ConcurrencyLimiter _concurrency;

    public ErpThrottle(IOptions<ErpThrottlingOptions> options)
    {
        var settings = options.Value;
        // One token per period rather than a batch per second: a burst is spread evenly instead of arriving in waves.
        _rate = new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
        {
            TokenLimit = settings.Burst,
            TokensPerPeriod = 1,
            ReplenishmentPeriod = TimeSpan.FromSeconds(1 / settings.RequestsPerSecond),
            QueueLimit = settings.QueueLimit,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
            AutoReplenishment = true,
        });
        _concurrency = new ConcurrencyLimiter(new ConcurrencyLimiterOptions
        {
            PermitLimit = settings.MaxConcurrency,
            QueueLimit = settings.QueueLimit,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        });
    }

    /// <summary>Waits for one of the call slots, oldest caller first; the caller keeps it through its retries.</summary>
    /// <returns>The slot to dispose when the call is done, or null when the line is full.</returns>
    public Task<IDisposable?> AcquireSlotAsync(CancellationToken cancellationToken) => AcquireAsync(_concurrency, cancellationToken);

    /// <summary>Waits for a token: one per request sent to the ERP, retries included.</summary>
    /// <returns>The token (nothing to give back), or null when the line is full.</returns>
    public Task<IDisposable?> AcquireTokenAsync(CancellationToken cancellationToken) => AcquireAsync(_rate, cancellationToken);

    private static async Task<IDisposable?> AcquireAsync(RateLimiter limiter, CancellationToken cancellationToken)
    {
        var lease = await limiter.AcquireAsync(1, cancellationToken);
        if (lease.IsAcquired)
        {
            return lease;
        }

        lease.Dispose();
        return null;
    }

    public async ValueTask DisposeAsync()
    {
        await _rate.DisposeAsync();
        await _concurrency.DisposeAsync();
    }
}
