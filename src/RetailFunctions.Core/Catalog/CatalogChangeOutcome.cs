using RetailFunctions.Core.Webhooks;

namespace RetailFunctions.Core.Catalog;

/// <summary>
/// The change endpoint's answer. Accepted carries how many items were queued and those ignored because the master
/// already holds that version or a newer one.
/// </summary>
public sealed record CatalogChangeOutcome(
    WebhookOutcomeKind Kind,
    string? Source = null,
    string? ChangeId = null,
    int Queued = 0,
    IReadOnlyList<IgnoredCatalogChange>? Ignored = null,
    string? Field = null,
    string? Detail = null);

public sealed record IgnoredCatalogChange(string Sku, long Version, long CurrentVersion, string Reason);

/// <summary>The 202/200 body of <c>POST /api/catalog/changes</c>.</summary>
public sealed record CatalogChangeResponse(string Status, string? Source, string? ChangeId, int Queued, IReadOnlyList<IgnoredCatalogChange> Ignored);
