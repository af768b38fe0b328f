using RetailFunctions.Core.Orders;
using RetailFunctions.Core.Settlements;
using RetailFunctions.Core.Settlements.Reconciliation;

namespace RetailFunctions.Core.Tests.Settlements.Reconciliation;

/// <summary>Builds settlements line by line and ledger orders for reconciliation tests.</summary>
internal sealed class SettlementBuilder(string channel = "shopify", string settlementId = "87654321", string currency = "USD")
{
    private static readonly DateTimeOffset Posted = new(2024, 3, 4, 15, 0, 0, TimeSpan.Zero);
    private readonly SettlementAccumulator _accumulator = new();
    private decimal _total;
    private decimal? _statedTotal;

    public SettlementBuilder Line(string? orderRef, SettlementKind kind, decimal amount, string? rawType = null)
    {
        _accumulator.Add(new SettlementLine(settlementId, orderRef, null, kind, amount, currency, Posted, rawType ?? kind.ToString().ToLowerInvariant(), null, null));
        _total += amount;
        return this;
    }

    /// <summary>A Shopify-style charge: the gross amount and its processing fee.</summary>
    public SettlementBuilder Charge(string orderRef, decimal amount, decimal fee) =>
        Line(orderRef, SettlementKind.Principal, amount, "charge").Line(orderRef, SettlementKind.Fee, -fee, "charge/fee");

    /// <summary>States a total different from the sum of the lines.</summary>
    public SettlementBuilder StatedTotal(decimal total)
    {
        _statedTotal = total;
        return this;
    }

    public SettlementContents Build() => _accumulator.Complete(
        new SettlementHeader(settlementId, channel, currency, _statedTotal ?? _total, new DateTimeOffset(2024, 3, 6, 0, 0, 0, TimeSpan.Zero), Posted, Posted));

    public static OrderRecord Order(
        string id,
        string? number,
        decimal total,
        decimal tax = 0m,
        OrderStatus status = OrderStatus.Completed,
        string channel = "shopify",
        string currency = "USD",
        DateTimeOffset? shippedAt = null) => new(
            channel,
            id,
            number,
            status,
            currency,
            [],
            new OrderTotals(total - tax, 0m, tax, 0m, total),
            null,
            shippedAt is { } shipped ? [new OrderShipment("S-" + id, "UPS", "1Z", shipped, [])] : [],
            null,
            Posted.AddDays(-2),
            null,
            status == OrderStatus.Cancelled ? Posted.AddDays(-1) : null,
            Posted.AddDays(-2));

    public static Dictionary<string, OrderRecord> ByNumber(params OrderRecord[] orders) =>
        orders.ToDictionary(o => o.OrderNumber ?? o.ChannelOrderId, StringComparer.Ordinal);
}
