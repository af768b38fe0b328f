namespace RetailFunctions.Core.Recovery;

/// <summary>
/// <c>Recovery:*</c>: how often each channel's order API is polled for orders whose webhook never came, and when a
/// channel that sends nothing is reported.
/// </summary>
public sealed class OrderRecoveryOptions
{
    public const string SectionName = "Recovery";

    public bool Enabled { get; set; } = true;

    /// <summary>Time between two polls of one channel (the timer ticks more often and skips until it is due).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Each poll lists from the watermark minus this, so clock skew and slow channel indexes lose nothing.</summary>
    public TimeSpan Overlap { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Orders updated more recently than this are left to their webhook, which is most likely still on its way.</summary>
    public TimeSpan Grace { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How far back the very first poll of a channel looks.</summary>
    public TimeSpan InitialLookback { get; set; } = TimeSpan.Zero;

    /// <summary>A channel without a webhook for this long is reported (its subscription has probably died).</summary>
    public TimeSpan QuietPeriod { get; set; } = TimeSpan.FromHours(1);

    /// <returns>Null when valid, else which setting is wrong.</returns>
    public string? Validate() =>
        PollInterval <= TimeSpan.Zero ? $"{SectionName}:PollInterval must be positive."
        : Overlap < TimeSpan.Zero || Grace < TimeSpan.Zero || InitialLookback < TimeSpan.Zero ? $"{SectionName}:Overlap, Grace and InitialLookback must not be negative."
        : QuietPeriod <= TimeSpan.Zero ? $"{SectionName}:QuietPeriod must be positive."
        : null;
}
