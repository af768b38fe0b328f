namespace RetailFunctions.Core.Settlements.Reconciliation;

/// <summary>What one settlement paid and charged for one order: the sum of its lines per kind.</summary>
public sealed class OrderSettlement(string orderRef)
{
    private readonly decimal[] _amounts = new decimal[SettlementKinds.Count];

    /// <summary>The order reference as the file gives it: an id (Amazon, Walmart) or an order name such as <c>#1001</c> (Shopify).</summary>
    public string OrderRef { get; } = orderRef;

    public int LineCount { get; private set; }

    public decimal this[SettlementKind kind] => _amounts[(int)kind];

    /// <summary>What the buyer paid for the order as settled: item price, tax, shipping and promotions.</summary>
    public decimal Sales => this[SettlementKind.Principal] + this[SettlementKind.Tax] + this[SettlementKind.Shipping] + this[SettlementKind.Promotion];

    public decimal Fees => this[SettlementKind.Fee];

    public decimal Refunds => this[SettlementKind.Refund];

    public decimal Net
    {
        get
        {
            var net = 0m;
            foreach (var amount in _amounts)
            {
                net += amount;
            }

            return net;
        }
    }

    public void Add(SettlementKind kind, decimal amount)
    {
        _amounts[(int)kind] += amount;
        LineCount++;
    }
}
