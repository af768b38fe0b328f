using RetailFunctions.Core.BackOffice;
using RetailFunctions.Core.Settlements.Reconciliation;

namespace RetailFunctions.Core.Settlements.Processing;

/// <summary>The report written to <c>settlement-reports/{channel}/{settlementId}.json</c>.</summary>
public sealed record SettlementReport(
    SettlementOverview Summary,
    string ContentHash,
    DateTimeOffset? PeriodStart,
    DateTimeOffset? PeriodEnd,
    IReadOnlyDictionary<string, decimal> TotalsByKind,
    IReadOnlyDictionary<string, long> UnmappedTypes,
    decimal UnassignedTotal,
    IReadOnlyList<RawTypeTotal> TotalsByRawType,
    IReadOnlyList<ErpJournalLine> JournalLines,
    IReadOnlyList<OrderReconciliation> Orders,
    IReadOnlyList<SettlementException> Exceptions);
