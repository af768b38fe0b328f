namespace RetailFunctions.Core.Webhooks;

/// <summary>Dedupe store for webhook deliveries, keyed by channel and event id.</summary>
public interface IWebhookReceipts
{
    /// <summary>
    /// Claims the event id. Returns null when the event was already accepted or another delivery
    /// of it is being handled right now.
    /// </summary>
    Task<WebhookReceipt?> TryClaimAsync(string channel, string eventId, string topic, string blobPath, DateTimeOffset now, TimeSpan stalePendingAfter, CancellationToken cancellationToken);

    /// <summary>Whether a delivery of the event id was accepted (not merely claimed by a delivery still in progress).</summary>
    Task<bool> IsAcceptedAsync(string channel, string eventId, CancellationToken cancellationToken);

    Task MarkAcceptedAsync(WebhookReceipt receipt, CancellationToken cancellationToken);

    /// <summary>Gives the claim up so that the channel's retry can be accepted.</summary>
    Task ReleaseAsync(WebhookReceipt receipt, CancellationToken cancellationToken);
}
