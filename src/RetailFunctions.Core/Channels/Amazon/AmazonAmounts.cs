using RetailFunctions.Core.Orders;

namespace RetailFunctions.Core.Channels.Amazon;

/// <summary>
/// Reads the SP-API <c>Money</c> objects (<c>{"CurrencyCode":"USD","Amount":"19.99"}</c>) of order items,
/// refusing any amount in another currency than the order's.
/// </summary>
internal sealed class AmazonAmounts(string currency, bool pricesRequired)
{
    /// <summary>The sum of <c>ItemPrice</c> over the lines read so far: exact, unlike unit price × quantity.</summary>
    public decimal LinePrices { get; private set; }

    public OrderLine ReadLine(JsonObjectReader item)
    {
        var quantity = item.RequiredPositiveInt("QuantityOrdered");
        var itemPrice = pricesRequired ? RequiredAmount(item, "ItemPrice") : Amount(item, "ItemPrice");
        LinePrices += itemPrice;

        return new OrderLine(
            LineId: item.RequiredText("OrderItemId"),
            Sku: item.RequiredText("SellerSKU"),
            Quantity: quantity,
            UnitPrice: LineAmounts.UnitPrice(itemPrice, quantity),
            Discount: Amount(item, "PromotionDiscount"),
            Tax: Amount(item, "ItemTax") - Amount(item, "PromotionDiscountTax"),
            Title: item.Text("Title"));
    }

    public ShippingCharge ReadShipping(IReadOnlyList<JsonObjectReader> items, string? method) =>
        new(
            items.Sum(item => Amount(item, "ShippingPrice")),
            items.Sum(item => Amount(item, "ShippingDiscount")),
            items.Sum(item => Amount(item, "ShippingTax") - Amount(item, "ShippingDiscountTax")),
            method);

    private decimal Amount(JsonObjectReader owner, string name) =>
        owner.Object(name) is { } money ? Read(money) : 0m;

    private decimal RequiredAmount(JsonObjectReader owner, string name) => Read(owner.RequiredObject(name));

    private decimal Read(JsonObjectReader money) => money.RequiredMoney("CurrencyCode", "Amount", currency);
}
