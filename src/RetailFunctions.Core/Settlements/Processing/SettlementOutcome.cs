namespace RetailFunctions.Core.Settlements.Processing;

public enum SettlementOutcomeKind
{
    Reconciled,
    Duplicate,
    Quarantined,
}

/// <param name="SettlementId">Null for a duplicate or a file quarantined before its id could be read.</param>
public sealed record SettlementOutcome(SettlementOutcomeKind Kind, string? SettlementId, SettlementOverview? Overview = null);
