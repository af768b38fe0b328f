namespace RetailFunctions.Core.BackOffice.Erp;

/// <summary>
/// One file in <c>erp-legacy-inbox/</c>, written by the legacy ERP once it has processed the outbox file of the same
/// name: <see cref="Status"/> <c>accepted</c> with its <see cref="DocumentNumber"/>, or <c>rejected</c> with a <see cref="Reason"/>.
/// </summary>
public sealed record LegacyErpAcknowledgement(
    string Format,
    string DocumentType,
    string DocumentKey,
    string Status,
    string? DocumentNumber,
    string? Reason,
    DateTimeOffset ProcessedAt)
{
    public const string Accepted = "accepted";
    public const string Rejected = "rejected";
}
