using RetailFunctions.Core.Settlements.Parsing;

namespace RetailFunctions.Core.Settlements.Amazon;

/// <summary>
/// Amazon <c>GET_V2_SETTLEMENT_REPORT_DATA_FLAT_FILE_V2</c>: tab-separated, columns found by header name; the first
/// data row is the settlement summary (total-amount, deposit-date, no amount-type), every later row one amount.
/// </summary>
public sealed class AmazonSettlementParser : ISettlementParser
{
    public const string ChannelName = "amazon";

    public string Channel => ChannelName;

    public ValueTask<SettlementHeader> ParseAsync(
        Stream stream, ISettlementLineSink sink, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(sink);
        return TabSeparatedUtf8Reader.ReadAsync(stream, header => new AmazonRowMapper(header, sink), cancellationToken);
    }
}
