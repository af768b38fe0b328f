namespace RetailFunctions.Core.Shipments;

/// <summary>
/// A callback for an order the fabric cannot take it for yet (unknown order, workflow not started). Points at the
/// archived body, so a re-match maps exactly what the source sent.
/// </summary>
/// <param name="FlaggedAt">When it was flagged to operators for staying unmatched too long; null until then.</param>
public sealed record ParkedShipment(
    string Source,
    string CallbackId,
    string Kind,
    string Channel,
    string ChannelOrderId,
    string BlobPath,
    DateTimeOffset ParkedAt,
    int Attempts,
    DateTimeOffset? LastAttemptAt,
    DateTimeOffset? FlaggedAt)
{
    public bool IsFlagged => FlaggedAt is not null;
}
