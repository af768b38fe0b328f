using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace RetailFunctions.Simulators.RateLimits;

/// <summary>One token bucket per limited operation: from configuration, or set through the control API.</summary>
public sealed class RateLimitRegistry(IOptions<RateLimitOptions> options, TimeProvider time)
{
    private readonly ConcurrentDictionary<(string System, string Operation), TokenBucket?> _buckets = new();

    public bool TryAcquire(string system, string operation, out TimeSpan retryAfter)
    {
        retryAfter = TimeSpan.Zero;
        var bucket = _buckets.GetOrAdd((system, operation), key => Configured(key.System, key.Operation) is { } s ? new TokenBucket(s, time) : null);
        return bucket is null || bucket.TryTake(out retryAfter);
    }

    public void Set(string system, string operation, TokenBucketSettings settings) =>
        _buckets[(system, operation)] = new TokenBucket(settings, time);

    /// <summary>Lifts the limit of an operation until the next reset.</summary>
    public void Remove(string system, string operation) => _buckets[(system, operation)] = null;

    /// <summary>Every bucket full again and control-API overrides dropped.</summary>
    public void Reset(string? system = null)
    {
        foreach (var key in _buckets.Keys.Where(k => system is null || k.System == system))
        {
            _buckets.TryRemove(key, out _);
        }
    }

    public IReadOnlyDictionary<string, TokenBucketSettings> List()
    {
        var configured = options.Value.Systems.SelectMany(s => s.Value.Select(o => (Key: (s.Key, o.Key), Settings: new TokenBucketSettings(o.Value.RatePerSecond, o.Value.Burst))));
        var result = configured.ToDictionary(c => $"{c.Key.Item1}.{c.Key.Item2}", c => c.Settings, StringComparer.OrdinalIgnoreCase);
        foreach (var (key, bucket) in _buckets)
        {
            if (bucket is null)
            {
                result.Remove($"{key.System}.{key.Operation}");
            }
            else
            {
                result[$"{key.System}.{key.Operation}"] = bucket.Settings;
            }
        }

        return result;
    }

    private TokenBucketSettings? Configured(string system, string operation) =>
        options.Value.Systems.TryGetValue(system, out var operations)
        && operations.FirstOrDefault(o => string.Equals(o.Key, operation, StringComparison.OrdinalIgnoreCase)).Value is { } setting
            ? new TokenBucketSettings(setting.RatePerSecond, setting.Burst)
            : null;
}
