namespace RetailFunctions.Infrastructure.BackOffice;

/// <summary><c>BackOffice:Resilience</c>: retry and timeout settings shared by every back-office and channel client.</summary>
public sealed class BackOfficeResilienceOptions
{
    public const string SectionName = "BackOffice:Resilience";

    /// <summary>Retries after the first attempt; 429 and 503 honour <c>Retry-After</c> instead of the backoff.</summary>
    public int MaxRetryAttempts { get; set; } = 4;

    /// <summary>First backoff delay, doubled per retry with jitter.</summary>
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(30);

    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>All attempts and waits together; beyond it the call fails as unavailable.</summary>
    public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromSeconds(90);

    /// <summary>
    /// The longest <c>Retry-After</c> (429/503) waited out inside a call made by a Durable activity
    /// (<see cref="Core.BackOffice.RetryLaterScope"/>); a longer one ends the call at once and the orchestration retries on a
    /// durable timer, so the wait holds no activity slot.
    /// </summary>
    public TimeSpan MaxInlineRetryAfter { get; set; } = TimeSpan.FromSeconds(2);

    public string? Validate() =>
        MaxInlineRetryAfter < TimeSpan.Zero ? "MaxInlineRetryAfter must not be negative."
        : MaxRetryAttempts is < 0 or > 20 ? "MaxRetryAttempts must be between 0 and 20."
        : BaseDelay < TimeSpan.Zero || MaxDelay < BaseDelay ? "BaseDelay must not be negative nor above MaxDelay."
        : AttemptTimeout < TimeSpan.FromMilliseconds(10) || TotalTimeout <= AttemptTimeout ? "TotalTimeout must exceed AttemptTimeout (at least 10 ms)."
        : null;
}
