namespace RetailFunctions.Core.Settlements.Reconciliation;

/// <summary>A settlement reconciled against the order ledger.</summary>
public sealed record SettlementReconciliation(
    SettlementContents Contents,
    IReadOnlyList<OrderReconciliation> Orders,
    IReadOnlyList<SettlementException> Exceptions)
{
    public SettlementSummary Summary => Contents.Summary;

    public int Count(OrderReconciliationStatus status) => Orders.Count(o => o.Status == status);
}
