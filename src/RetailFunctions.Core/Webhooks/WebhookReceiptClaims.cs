namespace RetailFunctions.Core.Webhooks;

/// <summary>A claim on an event id, or why there is none: <see cref="WebhookOutcomeKind.Duplicate"/> or <see cref="WebhookOutcomeKind.InProgress"/>.</summary>
public sealed record WebhookReceiptClaim(WebhookReceipt? Receipt, WebhookOutcomeKind Otherwise);

/// <summary>
/// Claiming an event id at a gate. Only an accepted event is a duplicate: a claim still pending belongs to a delivery
/// being admitted, which may yet fail (and release it) or have died with its host. The redelivery waits a moment for
/// it (<see cref="WebhookOptions.InProgressWait"/>), then is told to retry rather than "duplicate", which would make
/// the sender stop retrying an event nobody enqueued.
/// </summary>
public static class WebhookReceiptClaims
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(100);

    public static async Task<WebhookReceiptClaim> ClaimAsync(
        this IWebhookReceipts receipts,
        string channel,
        string eventId,
        string topic,
        string blobPath,
        DateTimeOffset now,
        WebhookOptions options,
        TimeProvider time,
        CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        while (true)
        {
            var receipt = await receipts.TryClaimAsync(channel, eventId, topic, blobPath, now, options.StalePendingAfter, cancellationToken);
            if (receipt is not null)
            {
                return new WebhookReceiptClaim(receipt, WebhookOutcomeKind.Accepted);
            }

            if (await receipts.IsAcceptedAsync(channel, eventId, cancellationToken))
            {
                return new WebhookReceiptClaim(null, WebhookOutcomeKind.Duplicate);
            }

            if (time.GetElapsedTime(started) >= options.InProgressWait)
            {
                return new WebhookReceiptClaim(null, WebhookOutcomeKind.InProgress);
            }

            await Task.Delay(Poll, time, cancellationToken);
        }
    }
}
