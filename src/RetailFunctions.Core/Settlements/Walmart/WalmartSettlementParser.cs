using RetailFunctions.Core.Settlements.Parsing;

namespace RetailFunctions.Core.Settlements.Walmart;

/// <summary>
/// Walmart Marketplace reconciliation report (CSV): the first data row is the <c>PaymentSummary</c> (period, Total
/// Payable, deposit date in Transaction Posted Timestamp), every later row one amount of a transaction.
/// </summary>
/// <remarks>
/// The report has no settlement id. It is derived from the settlement period, <c>yyyyMMdd-yyyyMMdd</c> of Period Start
/// and End Date: Walmart settles once per period, so a corrected report of the same period keeps its id and cannot
/// be journalled twice (a total-based id would post a correction as a second settlement).
/// </remarks>
public sealed class WalmartSettlementParser : ISettlementParser
{
    public const string ChannelName = "walmart";

    public string Channel => ChannelName;

    public static string SettlementIdFor(DateTimeOffset periodStart, DateTimeOffset periodEnd) =>
        $"{periodStart:yyyyMMdd}-{periodEnd:yyyyMMdd}";

    public ValueTask<SettlementHeader> ParseAsync(
        Stream stream, ISettlementLineSink sink, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(sink);
        return SettlementCsv.ReadAsync(stream, ',', header => new WalmartRowMapper(header, sink), cancellationToken);
    }
}
