namespace RetailFunctions.Core.Webhooks;

/// <summary>
/// What the webhook gate puts on the <c>channel-events</c> queue: a pointer to the archived raw body,
/// so queue messages stay small and the original bytes remain available for replay and audit.
/// </summary>
public sealed record ChannelEventEnvelope(
    string Channel,
    string Topic,
    string EventId,
    string BlobPath,
    string? TraceParent,
    DateTimeOffset ReceivedAt);
