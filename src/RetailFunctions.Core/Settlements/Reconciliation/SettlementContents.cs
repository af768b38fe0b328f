namespace RetailFunctions.Core.Settlements.Reconciliation;

/// <summary>
/// What reconciliation needs from a settlement file, kept instead of its lines: the summary, the amounts per order
/// and the totals per raw type. Its size grows with the orders and types of the file, not with its lines.
/// </summary>
/// <param name="UnassignedTotal">The sum of the lines that belong to no order (storage fees, reserves, FBA inbound fees…).</param>
public sealed record SettlementContents(
    SettlementSummary Summary,
    IReadOnlyDictionary<string, OrderSettlement> Orders,
    IReadOnlyList<RawTypeTotal> RawTypes,
    decimal UnassignedTotal);
