using nietras.SeparatedValues;
using RetailFunctions.Core.Settlements.Parsing;

namespace RetailFunctions.Core.Settlements.Walmart;

internal sealed class WalmartRowMapper : ISettlementRowMapper
{
    private readonly ISettlementLineSink _sink;
    private readonly int _periodStart;
    private readonly int _periodEnd;
    private readonly int _totalPayable;
    private readonly int _currency;
    private readonly int _postedAt;
    private readonly int _transactionType;
    private readonly int _customerOrder;
    private readonly int _amount;
    private readonly int _amountType;
    private readonly int _shipQuantity;
    private readonly int _partnerItemId;
    private readonly SettlementTypeCache _types = new(
        (transaction, type, _) => new SettlementType(
            WalmartAmountTypes.Classify(transaction, type), WalmartAmountTypes.RawType(transaction, type)));
    private readonly RecentString _orders = new();
    private readonly RecentString _skus = new();
    private readonly RecentDate _postedDates = new();
    private SettlementHeader? _header;

    public WalmartRowMapper(SepReaderHeader header, ISettlementLineSink sink)
    {
        _sink = sink;
        _periodStart = SettlementCsv.Require(header, "Period Start Date");
        _periodEnd = SettlementCsv.Require(header, "Period End Date");
        _totalPayable = SettlementCsv.Require(header, "Total Payable");
        _currency = SettlementCsv.Require(header, "Currency");
        _postedAt = SettlementCsv.Require(header, "Transaction Posted Timestamp");
        _transactionType = SettlementCsv.Require(header, "Transaction Type");
        _customerOrder = SettlementCsv.Require(header, "Customer Order #");
        _amount = SettlementCsv.Require(header, "Amount");
        _amountType = SettlementCsv.Require(header, "Amount Type");
        _shipQuantity = SettlementCsv.Optional(header, "Ship Qty");
        _partnerItemId = SettlementCsv.Optional(header, "Partner Item Id");
    }

    public void Map(in SettlementRow row)
    {
        var transactionType = row.Required(_transactionType, "Transaction Type");
        var isSummary = transactionType.Equals(WalmartAmountTypes.PaymentSummary, StringComparison.OrdinalIgnoreCase);
        if (_header is null)
        {
            _header = isSummary
                ? ReadSummary(row)
                : throw row.Error($"the first data row must be the '{WalmartAmountTypes.PaymentSummary}' row");
            return;
        }

        if (isSummary)
        {
            throw row.Error($"a second '{WalmartAmountTypes.PaymentSummary}' row");
        }

        var currency = row[_currency].Trim();
        if (!currency.IsEmpty && !currency.SequenceEqual(_header.Currency))
        {
            throw row.Error($"'Currency' {currency} differs from the summary's {_header.Currency}");
        }

        var amount = row.Amount(_amount, "Amount");
        var type = _types.Resolve(transactionType, row.Required(_amountType, "Amount Type"), []);
        _sink.Add(new SettlementLine(
            _header.SettlementId,
            _orders.Get(row[_customerOrder]),
            null,
            type.Kind,
            amount,
            _header.Currency,
            row.Date(_postedAt, "Transaction Posted Timestamp", _postedDates),
            type.RawType,
            _skus.Get(row[_partnerItemId]),
            row.OptionalQuantity(_shipQuantity, "Ship Qty")));
    }

    public SettlementHeader Complete(int endLineNumber) =>
        _header ?? throw new SettlementFormatException(endLineNumber, $"no '{WalmartAmountTypes.PaymentSummary}' row after the header");

    private SettlementHeader ReadSummary(in SettlementRow row)
    {
        var start = row.Date(_periodStart, "Period Start Date");
        var end = row.Date(_periodEnd, "Period End Date");
        if (end < start)
        {
            throw row.Error("'Period End Date' is before 'Period Start Date'");
        }

        return new SettlementHeader(
            WalmartSettlementParser.SettlementIdFor(start, end),
            WalmartSettlementParser.ChannelName,
            row.Currency(_currency, "Currency"),
            row.Amount(_totalPayable, "Total Payable"),
            row.OptionalDate(_postedAt, "Transaction Posted Timestamp"),
            start,
            end);
    }
}
