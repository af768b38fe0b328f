namespace RetailFunctions.Core.Settlements.Processing;

/// <summary>Why a settlement file was quarantined: the sidecar <c>{name}.reason.json</c> beside the copy.</summary>
/// <param name="LineNumber">1-based line of the file that could not be read; null when the file as a whole was refused.</param>
public sealed record QuarantineReason(
    string Channel,
    string FileName,
    int? LineNumber,
    string Reason,
    string Message,
    string ContentHash,
    DateTimeOffset QuarantinedAt);
