using RetailFunctions.Core.Orders;

namespace RetailFunctions.Core.Channels.Walmart;

/// <summary>
/// Reads the <c>charges.charge[]</c> of purchase order lines: <c>PRODUCT</c> charges price the line, <c>SHIPPING</c>
/// charges add up to the order's shipping, and each charge may carry its tax. All must be in one currency.
/// </summary>
internal sealed class WalmartCharges
{
    private decimal _shipping;
    private decimal _shippingDiscount;
    private decimal _shippingTax;

    public string? Currency { get; private set; }

    /// <summary>The sum of the <c>PRODUCT</c> charges read so far: exact, unlike unit price × quantity.</summary>
    public decimal ProductTotal { get; private set; }

    public OrderLine ReadLine(JsonObjectReader line)
    {
        var item = line.RequiredObject("item");
        var quantity = line.RequiredObject("orderLineQuantity").RequiredCount("amount");
        decimal price = 0m, discount = 0m, tax = 0m;
        var priced = false;

        foreach (var charge in line.RequiredObject("charges").RequiredObjects("charge"))
        {
            var amount = Amount(charge.RequiredObject("chargeAmount"));
            var chargeTax = charge.Object("tax")?.Object("taxAmount") is { } taxAmount ? Amount(taxAmount) : 0m;
            var isDiscount = charge.Flag("isDiscount") == true;
            switch (charge.RequiredText("chargeType").ToUpperInvariant())
            {
                case "PRODUCT" when isDiscount:
                    discount += amount;
                    tax -= chargeTax;
                    break;
                case "PRODUCT":
                    price += amount;
                    tax += chargeTax;
                    priced = true;
                    break;
                case "SHIPPING" when isDiscount:
                    _shippingDiscount += amount;
                    _shippingTax -= chargeTax;
                    break;
                case "SHIPPING":
                    _shipping += amount;
                    _shippingTax += chargeTax;
                    break;
                default:
                    throw new OrderMappingException(charge.PathOf("chargeType"), "must be PRODUCT or SHIPPING");
            }
        }

        if (!priced)
        {
            throw new OrderMappingException(line.PathOf("charges"), "has no PRODUCT charge");
        }

        ProductTotal += price;
        return new OrderLine(
            LineId: line.RequiredText("lineNumber"),
            Sku: item.RequiredText("sku"),
            Quantity: quantity,
            UnitPrice: LineAmounts.UnitPrice(price, quantity),
            Discount: discount,
            Tax: tax,
            Title: item.Text("productName"));
    }

    public ShippingCharge Shipping(string? method) => new(_shipping, _shippingDiscount, _shippingTax, method);

    // The first charge read sets the order's currency.
    private decimal Amount(JsonObjectReader money)
    {
        Currency ??= money.RequiredCurrency("currency");
        return money.RequiredMoney("currency", "amount", Currency);
    }
}
