namespace RetailFunctions.Core.Settlements.Processing;

/// <summary>The summary of a processed settlement: what <c>GET /api/settlements/{channel}/{settlementId}</c> answers.</summary>
/// <param name="ReportPath">Blob path of the full report, <c>settlement-reports/{channel}/{settlementId}.json</c>.</param>
public sealed record SettlementOverview(
    string SettlementId,
    string Channel,
    string Currency,
    string FileName,
    DateTimeOffset? DepositDate,
    long LineCount,
    decimal TotalAmount,
    decimal LinesTotal,
    bool Balanced,
    SettlementOrderCounts Orders,
    int ExceptionCount,
    decimal VarianceTotal,
    string JournalKey,
    string? JournalId,
    string ReportPath,
    DateTimeOffset ReconciledAt);
