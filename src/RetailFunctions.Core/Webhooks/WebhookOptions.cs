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
}
