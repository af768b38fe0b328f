using nietras.SeparatedValues;
using RetailFunctions.Core.Settlements.Parsing;

namespace RetailFunctions.Core.Settlements.Amazon;

internal sealed class AmazonRowMapper : ISettlementRowMapper
{
    // FBA fee rows carry the inbound shipment id ("FBA15…") where an order id would be; it must not be matched as an order.
    private const string ShipmentIdPrefix = "FBA";

    private readonly ISettlementLineSink _sink;
    private readonly int _settlementId;
    private readonly int _startDate;
    private readonly int _endDate;
    private readonly int _depositDate;
    private readonly int _totalAmount;
    private readonly int _currency;
    private readonly int _transactionType;
    private readonly int _orderId;
    private readonly int _shipmentId;
    private readonly int _amountType;
    private readonly int _amountDescription;
    private readonly int _amount;
    private readonly int _postedDate;
    private readonly int _postedDateTime;
    private readonly int _sku;
    private readonly int _quantity;
    private readonly SettlementTypeCache _types = new(
        (transaction, type, description) => new SettlementType(
            AmazonAmountTypes.Classify(transaction, type, description),
            AmazonAmountTypes.RawType(transaction, type, description)));
    private readonly RecentString _orderIds = new();
    private readonly RecentString _shipmentIds = new();
    private readonly RecentString _skus = new();
    private readonly RecentDate _postedAt = new();
    private SettlementHeader? _header;

    public AmazonRowMapper(SepReaderHeader header, ISettlementLineSink sink)
    {
        _sink = sink;
        _settlementId = SettlementCsv.Require(header, "settlement-id");
        _startDate = SettlementCsv.Require(header, "settlement-start-date");
        _endDate = SettlementCsv.Require(header, "settlement-end-date");
        _depositDate = SettlementCsv.Require(header, "deposit-date");
        _totalAmount = SettlementCsv.Require(header, "total-amount");
        _currency = SettlementCsv.Require(header, "currency");
        _transactionType = SettlementCsv.Require(header, "transaction-type");
        _orderId = SettlementCsv.Require(header, "order-id");
        _amountType = SettlementCsv.Require(header, "amount-type");
        _amountDescription = SettlementCsv.Require(header, "amount-description");
        _amount = SettlementCsv.Require(header, "amount");
        _postedDate = SettlementCsv.Require(header, "posted-date");
        _shipmentId = SettlementCsv.Optional(header, "shipment-id");
        _postedDateTime = SettlementCsv.Optional(header, "posted-date-time");
        _sku = SettlementCsv.Optional(header, "sku");
        _quantity = SettlementCsv.Optional(header, "quantity-purchased");
    }

    public void Map(in SettlementRow row)
    {
        if (_header is null)
        {
            _header = ReadSummary(row);
            return;
        }

        var settlementId = row[_settlementId].Trim();
        if (!settlementId.SequenceEqual(_header.SettlementId))
        {
            throw row.Error(settlementId.IsEmpty
                ? "'settlement-id' is empty"
                : $"'settlement-id' {settlementId} differs from the summary row's {_header.SettlementId}");
        }

        if (!row.IsEmpty(_totalAmount))
        {
            throw row.Error("a second summary row ('total-amount' is set on a transaction row)");
        }

        var amount = row.Amount(_amount, "amount");
        var type = _types.Resolve(row[_transactionType], row[_amountType], row[_amountDescription]);
        var postedAt = row.IsEmpty(_postedDateTime)
            ? row.Date(_postedDate, "posted-date", _postedAt)
            : row.Date(_postedDateTime, "posted-date-time", _postedAt);
        var reference = row[_orderId].Trim();
        var isShipment = reference.StartsWith(ShipmentIdPrefix, StringComparison.Ordinal);

        _sink.Add(new SettlementLine(
            _header.SettlementId,
            isShipment ? null : _orderIds.Get(reference),
            isShipment ? _shipmentIds.Get(reference) : _shipmentIds.Get(row[_shipmentId]),
            type.Kind,
            amount,
            _header.Currency,
            postedAt,
            type.RawType,
            _skus.Get(row[_sku]),
            row.OptionalQuantity(_quantity, "quantity-purchased")));
    }

    public SettlementHeader Complete(int endLineNumber) =>
        _header ?? throw new SettlementFormatException(endLineNumber, "no settlement summary row after the header");

    private SettlementHeader ReadSummary(in SettlementRow row)
    {
        if (!row.IsEmpty(_amountType) || row.IsEmpty(_totalAmount))
        {
            throw row.Error("the first data row must be the settlement summary ('total-amount' set, 'amount-type' empty)");
        }

        return new SettlementHeader(
            SettlementId: row.Required(_settlementId, "settlement-id").ToString(),
            Channel: AmazonSettlementParser.ChannelName,
            Currency: row.Currency(_currency, "currency"),
            TotalAmount: row.Amount(_totalAmount, "total-amount"),
            DepositDate: row.OptionalDate(_depositDate, "deposit-date"),
            PeriodStart: row.OptionalDate(_startDate, "settlement-start-date"),
            PeriodEnd: row.OptionalDate(_endDate, "settlement-end-date"));
    }
}
