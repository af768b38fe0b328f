namespace RetailFunctions.Core.Settlements.Reconciliation;

/// <summary>The outcome for one order of a settlement.</summary>
/// <param name="OrderRef">The reference the settlement used (for unsettled orders, the ledger's order number or id).</param>
/// <param name="ChannelOrderId">The ledger's id of the order; null when the order is unknown.</param>
/// <param name="ExpectedSales">What the buyer should have paid as the settlement reports it (the ledger total, less withheld tax).</param>
/// <param name="SalesVariance">Settled sales minus <paramref name="ExpectedSales"/>: the amount left in the receivable.</param>
/// <param name="FeeVariance">Settled fees minus the fee schedule's; zero when the channel has no schedule.</param>
public sealed record OrderReconciliation(
    string OrderRef,
    string? ChannelOrderId,
    OrderReconciliationStatus Status,
    IReadOnlyList<SettlementExceptionReason> Reasons,
    decimal? OrderTotal,
    decimal? ExpectedSales,
    decimal SettledSales,
    decimal Fees,
    decimal? ExpectedFees,
    decimal Refunds,
    decimal Net,
    decimal SalesVariance,
    decimal FeeVariance);
