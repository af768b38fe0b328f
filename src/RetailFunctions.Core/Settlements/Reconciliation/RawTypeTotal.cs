namespace RetailFunctions.Core.Settlements.Reconciliation;

/// <summary>The sum of a settlement's lines of one raw type, e.g. <c>ItemFees/Commission</c>: what GL mapping works on.</summary>
public sealed record RawTypeTotal(SettlementKind Kind, string RawType, decimal Amount, long LineCount);
