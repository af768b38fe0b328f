namespace RetailFunctions.Core.Recovery;

/// <summary>What the fabric knows about a channel's order traffic: how far polling has looked, and when it last spoke.</summary>
/// <param name="Watermark">Orders updated before this time were listed by a poll that finished.</param>
/// <param name="LastWebhookAt">The last authentic webhook from the channel (kept at most every few seconds).</param>
/// <param name="WatchingSince">When the fabric first polled the channel: the quiet period counts from here until a webhook arrives.</param>
/// <param name="QuietAlertAt">When the channel was last reported quiet; a webhook after it ends that quiet spell.</param>
/// <param name="RecoveredOrders">Orders polling has found that no webhook had brought, since the fabric started watching.</param>
public sealed record ChannelWatch(
    string Channel,
    DateTimeOffset? Watermark,
    DateTimeOffset? LastPolledAt,
    DateTimeOffset? LastWebhookAt,
    DateTimeOffset? WatchingSince,
    DateTimeOffset? QuietAlertAt,
    long RecoveredOrders)
{
    public static ChannelWatch None(string channel) => new(channel, null, null, null, null, null, 0);

    /// <summary>The time the quiet period counts from.</summary>
    public DateTimeOffset? LastSign => LastWebhookAt is { } webhook && (WatchingSince is not { } since || webhook > since) ? webhook : WatchingSince;
}
