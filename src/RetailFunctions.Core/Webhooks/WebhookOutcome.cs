namespace RetailFunctions.Core.Webhooks;

public enum WebhookOutcomeKind
{
    Accepted,
    Duplicate,
    TooLarge,
    UnsupportedMediaType,
    Unauthorized,
    Malformed,

    /// <summary>Another delivery of the event is still being admitted (or died doing so): retry later.</summary>
    InProgress,
}

/// <summary>The gate's answer; rejections carry a reason safe to return to the caller.</summary>
public sealed record WebhookOutcome(WebhookOutcomeKind Kind, string? EventId = null, string? Field = null, string? Detail = null)
{
    public bool IsRejection => Kind is not (WebhookOutcomeKind.Accepted or WebhookOutcomeKind.Duplicate or WebhookOutcomeKind.InProgress);
}
