namespace RetailFunctions.Core.Webhooks;

public sealed class WebhookOptions
{
    public const string SectionName = "Webhooks";

    /// <summary>Largest body accepted; larger requests get 413 before anything is read into memory.</summary>
    public int MaxBodyBytes { get; set; } = 1024 * 1024;

    /// <summary>
    /// A receipt still pending after this long belongs to a delivery whose handler died mid-way;
    /// a redelivery may then take it over instead of being answered as a duplicate.
    /// </summary>
    public TimeSpan StalePendingAfter { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>
    /// How long a redelivery waits for another delivery of the same event that is still being admitted. If that one is
    /// accepted meanwhile the answer is 200 (duplicate); otherwise 503 with <c>Retry-After</c>: it may yet fail or
    /// have died, and a 200 would make the channel stop retrying an event nobody enqueued.
    /// </summary>
    public TimeSpan InProgressWait { get; set; } = TimeSpan.FromSeconds(3);
}
