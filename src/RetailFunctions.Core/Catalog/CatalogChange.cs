namespace RetailFunctions.Core.Catalog;

/// <summary>
/// A message on <c>catalog-changes</c>: part of one change request or product file (large ones are split so each
/// message stays under the queue's 64 KiB). <paramref name="ReceivedAt"/> starts the publication lag.
/// </summary>
public sealed record CatalogChange(
    string Source,
    string ChangeId,
    DateTimeOffset ReceivedAt,
    IReadOnlyList<CatalogItemChange> Items,
    string? TraceParent);
