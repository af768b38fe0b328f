using RetailFunctions.Core.Settlements.Parsing;

namespace RetailFunctions.Core.Settlements.Shopify;

/// <summary>
/// Shopify Payments balance transactions of one payout (CSV export): each row gives Amount, Fee and Net, and becomes
/// an amount line plus, when the fee is not zero, a fee line. The settlement id is the Payout ID.
/// </summary>
/// <remarks>
/// The total is the payout itself: the negated amount of the row of type <c>payout</c> when the export has one,
/// otherwise the sum of Net. Rows of several payouts, or without a Payout ID (still pending), are refused.
/// </remarks>
public sealed class ShopifySettlementParser : ISettlementParser
{
    public const string ChannelName = "shopify";

    public string Channel => ChannelName;

    public ValueTask<SettlementHeader> ParseAsync(
        Stream stream, ISettlementLineSink sink, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(sink);
        return SettlementCsv.ReadAsync(stream, ',', header => new ShopifyRowMapper(header, sink), cancellationToken);
    }
}
