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

    /// <summary>Waits for a slot and a token, oldest caller first.</summary>
    /// <returns>The slot to dispose when the call is done, or null when the line is full.</returns>
    public async Task<IDisposable?> AcquireAsync(CancellationToken cancellationToken)
    {
        var slot = await _concurrency.AcquireAsync(1, cancellationToken);
        if (!slot.IsAcquired)
        {
            slot.Dispose();
            return null;
        }

        try
        {
            using var token = await _rate.AcquireAsync(1, cancellationToken);
            if (token.IsAcquired)
            {
                return slot;
            }
        }
        catch
        {
            slot.Dispose();
            throw;
        }

        slot.Dispose();
        return null;
    }

    public async ValueTask DisposeAsync()
    {
        await _rate.DisposeAsync();
        await _concurrency.DisposeAsync();
    }
}
