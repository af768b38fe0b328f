namespace RetailFunctions.Simulators.RateLimits;

/// <summary>Refills continuously at <see cref="Settings"/>' rate up to its burst; each request takes one token.</summary>
public sealed class TokenBucket(TokenBucketSettings settings, TimeProvider time)
{
    private readonly Lock _gate = new();
    private double _tokens = settings.Burst;
    private long _refilledAt = time.GetTimestamp();

    public TokenBucketSettings Settings { get; } = settings;

    public bool TryTake(out TimeSpan retryAfter)
    {
        lock (_gate)
        {
            var now = time.GetTimestamp();
            _tokens = Math.Min(Settings.Burst, _tokens + (time.GetElapsedTime(_refilledAt, now).TotalSeconds * Settings.RatePerSecond));
            _refilledAt = now;
            if (_tokens >= 1)
            {
                _tokens -= 1;
                retryAfter = TimeSpan.Zero;
                return true;
            }

            retryAfter = TimeSpan.FromSeconds((1 - _tokens) / Settings.RatePerSecond);
            return false;
        }
    }
}
