using System.Text.Json;
using RetailFunctions.Core.Settlements;

namespace RetailFunctions.Cli.Settlements;

/// <summary>The JSON contract of <c>retail settlement parse</c>; field names and order are relied on by operators' scripts.</summary>
internal sealed record SettlementParseOutput(
    string SettlementId,
    string Channel,
    string Currency,
    long LineCount,
    decimal TotalAmount,
    IReadOnlyDictionary<string, decimal> TotalsByKind,
    DateTimeOffset? DepositDate)
{
    public static SettlementParseOutput From(SettlementSummary summary) => new(
        summary.SettlementId,
        summary.Channel,
        summary.Currency,
        summary.LineCount,
        summary.TotalAmount,
        summary.TotalsByKind.ToDictionary(
            pair => JsonNamingPolicy.CamelCase.ConvertName(pair.Key.ToString()), pair => pair.Value),
        summary.DepositDate);
}
