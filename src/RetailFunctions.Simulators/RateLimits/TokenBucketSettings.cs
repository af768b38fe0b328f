namespace RetailFunctions.Simulators.RateLimits;

/// <summary>The published limit of one API operation: sustained requests per second and burst size.</summary>
public sealed record TokenBucketSettings(double RatePerSecond, int Burst)
{
    public string? Validate() =>
        RatePerSecond > 0 && Burst >= 1 ? null : "ratePerSecond must be positive and burst at least 1.";
}
