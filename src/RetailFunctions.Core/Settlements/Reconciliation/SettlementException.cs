namespace RetailFunctions.Core.Settlements.Reconciliation;

/// <summary>One thing about a settlement that needs a person: an order variance, an unknown order, an unbalanced file…</summary>
/// <param name="OrderRef">The order concerned; null for the settlement as a whole.</param>
/// <param name="Amount">The amount at stake (the variance, the unknown order's net, the unbalanced difference).</param>
public sealed record SettlementException(
    SettlementExceptionReason Reason,
    string? OrderRef,
    decimal Amount,
    string Detail);
