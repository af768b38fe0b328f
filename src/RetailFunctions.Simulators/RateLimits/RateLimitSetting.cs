namespace RetailFunctions.Simulators.RateLimits;

public sealed class RateLimitSetting
{
    public double RatePerSecond { get; set; }

    public int Burst { get; set; }
}
