using RetailFunctions.Core.Webhooks;

namespace RetailFunctions.Core.Inventory;

/// <summary>
/// The adjustments endpoint's answer. Accepted carries how many items were queued and those ignored because the
/// source had already applied a newer sequence for that SKU and location.
/// </summary>
public sealed record AdjustmentOutcome(
    WebhookOutcomeKind Kind,
    string? Source = null,
    long? Sequence = null,
    int Queued = 0,
    IReadOnlyList<IgnoredAdjustment>? Ignored = null,
    string? Field = null,
    string? Detail = null);

public sealed record IgnoredAdjustment(string Sku, string Location, long LastAppliedSequence, string Reason);
