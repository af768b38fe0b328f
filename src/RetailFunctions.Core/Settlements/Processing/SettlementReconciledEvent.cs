namespace RetailFunctions.Core.Settlements.Processing;

/// <summary>Data of the <c>settlement.reconciled</c> event.</summary>
public sealed record SettlementReconciledEvent(
    string SettlementId,
    string Channel,
    string Currency,
    decimal TotalAmount,
    SettlementOrderCounts Orders,
    int ExceptionCount,
    decimal VarianceTotal,
    string? JournalId,
    string ReportPath);
