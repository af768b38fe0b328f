namespace RetailFunctions.Core.Inventory;

/// <summary>
/// A channel API's published rate limit, mirrored on our side as a token bucket, so the fan-out plans only the calls
/// the channel will take and leaves the rest pending instead of spending them on 429s. A <c>Retry-After</c> empties it.
/// </summary>
public sealed class CallBudget(double callsPerSecond, int burst, TimeProvider time)
{
    private readonly Lock _gate = new();
    private double _tokens = burst;
    private DateTimeOffset _refilledAt = time.GetUtcNow();
    private DateTimeOffset _restingUntil = DateTimeOffset.MinValue;

    /// <summary>No limit configured: every call is allowed.</summary>
    public bool Unlimited => callsPerSecond <= 0;

    /// <summary>Whole calls that may go now.</summary>
    public int Available()
    {
        if (Unlimited)
        {
            return int.MaxValue;
        }

        lock (_gate)
        {
            Refill();
            return time.GetUtcNow() < _restingUntil ? 0 : (int)Math.Floor(_tokens);
        }
    }

    public void Spend(int calls)
    {
        if (Unlimited)
        {
            return;
        }

        lock (_gate)
        {
            Refill();
            _tokens = Math.Max(0, _tokens - calls);
        }
    }

    /// <summary>
    /// The calls spent have been answered. The channel counted them when they arrived, later than we did, so the refill
    /// since is not counted: otherwise the next run would take a call or two the channel has not refilled yet.
    /// </summary>
    public void Settle()
    {
        if (Unlimited)
        {
            return;
        }

        lock (_gate)
        {
            _refilledAt = Max(_refilledAt, time.GetUtcNow());
        }
    }

    /// <summary>The channel refused a call: nothing more until <paramref name="retryAfter"/> has passed, then refill from empty.</summary>
    public void Rest(TimeSpan retryAfter)
    {
        lock (_gate)
        {
            _tokens = 0;
            _restingUntil = time.GetUtcNow() + retryAfter;
            _refilledAt = _restingUntil;
        }
    }

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    private void Refill()
    {
        var now = time.GetUtcNow();
        if (now > _refilledAt)
        {
            _tokens = Math.Min(burst, _tokens + ((now - _refilledAt).TotalSeconds * callsPerSecond));
            _refilledAt = now;
        }
    }
}
