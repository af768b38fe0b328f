using nietras.SeparatedValues;
using RetailFunctions.Core.Settlements.Parsing;

namespace RetailFunctions.Core.Settlements.Shopify;

internal sealed class ShopifyRowMapper : ISettlementRowMapper
{
    private readonly ISettlementLineSink _sink;
    private readonly int _transactionDate;
    private readonly int _type;
    private readonly int _order;
    private readonly int _payoutDate;
    private readonly int _payoutId;
    private readonly int _amount;
    private readonly int _fee;
    private readonly int _net;
    private readonly int _currency;
    private readonly SettlementTypeCache _types = new(
        (type, part, _) => new SettlementType(
            ShopifyTransactionTypes.Classify(type, part), ShopifyTransactionTypes.RawType(type, part)));
    private readonly RecentString _orders = new();
    private readonly RecentDate _postedAt = new();
    private string? _settlementId;
    private string? _currencyCode;
    private DateTimeOffset? _depositDate;
    private DateTimeOffset? _periodStart;
    private DateTimeOffset? _periodEnd;
    private decimal? _payoutTotal;
    private decimal _netTotal;

    public ShopifyRowMapper(SepReaderHeader header, ISettlementLineSink sink)
    {
        _sink = sink;
        _transactionDate = SettlementCsv.Require(header, "Transaction Date");
        _type = SettlementCsv.Require(header, "Type");
        _order = SettlementCsv.Require(header, "Order");
        _payoutDate = SettlementCsv.Require(header, "Payout Date");
        _payoutId = SettlementCsv.Require(header, "Payout ID");
        _amount = SettlementCsv.Require(header, "Amount");
        _fee = SettlementCsv.Require(header, "Fee");
        _net = SettlementCsv.Require(header, "Net");
        _currency = SettlementCsv.Require(header, "Currency");
    }

    public void Map(in SettlementRow row)
    {
        var settlementId = CheckPayout(row);
        var currency = CheckCurrency(row);
        var type = row.Required(_type, "Type");
        var amount = row.Amount(_amount, "Amount");
        var fee = row.OptionalAmount(_fee, "Fee") ?? 0m;
        var net = row.Amount(_net, "Net");
        if (amount - fee != net)
        {
            throw row.Error($"'Net' {net} is not 'Amount' {amount} minus 'Fee' {fee}");
        }

        var postedAt = row.Date(_transactionDate, "Transaction Date", _postedAt);
        _depositDate ??= row.OptionalDate(_payoutDate, "Payout Date");

        if (type.Equals(ShopifyTransactionTypes.Payout, StringComparison.OrdinalIgnoreCase))
        {
            _payoutTotal = _payoutTotal is null ? -amount : throw row.Error("a second row of type 'payout'");
            return;
        }

        _periodStart = _periodStart is { } start && start <= postedAt ? start : postedAt;
        _periodEnd = _periodEnd is { } end && end >= postedAt ? end : postedAt;
        _netTotal += net;
        var orderId = _orders.Get(row[_order]);
        var amountType = _types.Resolve(type, [], []);
        _sink.Add(new SettlementLine(
            settlementId, orderId, null, amountType.Kind, amount, currency, postedAt, amountType.RawType, null, null));
        if (fee != 0m)
        {
            var feeType = _types.Resolve(type, ShopifyTransactionTypes.FeeSuffix, []);
            _sink.Add(new SettlementLine(
                settlementId, orderId, null, feeType.Kind, -fee, currency, postedAt, feeType.RawType, null, null));
        }
    }

    public SettlementHeader Complete(int endLineNumber) =>
        _settlementId is null || _currencyCode is null
            ? throw new SettlementFormatException(endLineNumber, "no transactions after the header")
            : new SettlementHeader(
                _settlementId,
                ShopifySettlementParser.ChannelName,
                _currencyCode,
                _payoutTotal ?? _netTotal,
                _depositDate,
                _periodStart,
                _periodEnd);

    private string CheckPayout(in SettlementRow row)
    {
        var payoutId = row[_payoutId].Trim();
        if (payoutId.IsEmpty)
        {
            throw row.Error("'Payout ID' is empty: the transaction is not paid out yet");
        }

        _settlementId ??= payoutId.ToString();
        return payoutId.SequenceEqual(_settlementId)
            ? _settlementId
            : throw row.Error($"'Payout ID' {payoutId} differs from {_settlementId}: a settlement file holds one payout");
    }

    private string CheckCurrency(in SettlementRow row)
    {
        if (_currencyCode is not null && row[_currency].Trim().SequenceEqual(_currencyCode))
        {
            return _currencyCode;
        }

        var currency = row.Currency(_currency, "Currency");
        _currencyCode ??= currency;
        return currency == _currencyCode
            ? _currencyCode
            : throw row.Error($"'Currency' {currency} differs from {_currencyCode}: a payout has one currency");
    }
}
