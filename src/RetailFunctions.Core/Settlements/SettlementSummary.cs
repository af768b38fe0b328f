namespace RetailFunctions.Core.Settlements;

/// <summary>Totals of one parsed settlement file.</summary>
/// <param name="LineCount">Transaction lines, not counting the file's summary row.</param>
/// <param name="TotalAmount">The total stated by the file.</param>
/// <param name="LinesTotal">The sum of all line amounts; equals <paramref name="TotalAmount"/> for a consistent file.</param>
/// <param name="UnmappedTypes">Raw types the parser did not know, which became <see cref="SettlementKind.Other"/>, with their line counts.</param>
public sealed record SettlementSummary(
    string SettlementId,
    string Channel,
    string Currency,
    long LineCount,
    decimal TotalAmount,
    IReadOnlyDictionary<SettlementKind, decimal> TotalsByKind,
    DateTimeOffset? DepositDate,
    DateTimeOffset? PeriodStart,
    DateTimeOffset? PeriodEnd,
    decimal LinesTotal,
    IReadOnlyDictionary<string, long> UnmappedTypes)
{
    public decimal Difference => TotalAmount - LinesTotal;

    public bool IsBalanced => Difference == 0m;
}
