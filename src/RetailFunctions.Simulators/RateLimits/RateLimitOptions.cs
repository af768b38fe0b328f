namespace RetailFunctions.Simulators.RateLimits;

/// <summary><c>Simulators:RateLimits:{system}:{operation}</c> = <c>{ "RatePerSecond": 0.5, "Burst": 30 }</c>.</summary>
public sealed class RateLimitOptions
{
    public const string SectionName = "Simulators:RateLimits";

    public Dictionary<string, Dictionary<string, RateLimitSetting>> Systems { get; } = new(StringComparer.OrdinalIgnoreCase);
}
