namespace RetailFunctions.Core.Sla;

/// <summary>
/// A flow that took longer than its threshold, recorded once per flow and subject.
/// <paramref name="CompletedAt"/> is null when the breach was seen while the flow was still running.
/// </summary>
/// <param name="Subject">What ran late, e.g. <c>shopify/1001</c> for an order.</param>
public sealed record SlaBreach(
    string Flow,
    string Subject,
    DateTimeOffset StartedAt,
    DateTimeOffset DetectedAt,
    DateTimeOffset? CompletedAt,
    TimeSpan Threshold,
    TimeSpan Elapsed);
