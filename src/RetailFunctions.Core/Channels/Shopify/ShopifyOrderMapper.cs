using System.Globalization;
using System.Text.Json;
using RetailFunctions.Core.Orders;

namespace RetailFunctions.Core.Channels.Shopify;

/// <summary>
/// Maps a Shopify Admin REST order webhook body (<c>orders/create</c>, <c>orders/updated</c>, <c>orders/cancelled</c>)
/// to a <see cref="CanonicalOrder"/>. Amounts are the shop-currency values, as is <c>currency</c>.
/// </summary>
public static class ShopifyOrderMapper
{
    public const string ChannelName = "shopify";

    /// <exception cref="OrderMappingException">The body is not valid JSON or a field is missing or invalid.</exception>
    public static CanonicalOrder Map(ReadOnlySpan<byte> utf8Json)
    {
        using var document = JsonObjectReader.Parse(utf8Json);
        var order = JsonObjectReader.Root(document.RootElement);

        var id = order.RequiredId("id");
        var currency = order.RequiredCurrency("currency");
        var lines = order.RequiredObjects("line_items").Select(ReadLine).ToList();
        var shipping = ReadShipping(order.Objects("shipping_lines"));
        var placedAt = order.Timestamp("created_at")
            ?? order.Timestamp("processed_at")
            ?? throw new OrderMappingException("created_at");

        return new CanonicalOrder(
            Channel: ChannelName,
            ChannelOrderId: id,
            OrderNumber: order.Text("name"),
            Currency: currency,
            Lines: lines,
            Shipping: shipping,
            Totals: ReadTotals(order, lines, shipping),
            Customer: ReadCustomer(order),
            ShippingAddress: ReadAddress(order.Object("shipping_address")),
            PlacedAt: placedAt,
            UpdatedAt: order.Timestamp("updated_at"),
            FinancialStatus: order.Text("financial_status"),
            CancelledAt: order.Timestamp("cancelled_at"));
    }

    /// <summary>Reads only the root <c>id</c>, without building a document: the webhook gate's cheap check.</summary>
    /// <exception cref="OrderMappingException">The body is not valid JSON, or <c>id</c> is missing or not a positive integer.</exception>
    public static string ReadOrderId(ReadOnlySpan<byte> utf8Json)
    {
        var reader = new Utf8JsonReader(utf8Json);
        string? id = null;
        var seen = false;
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                throw new OrderMappingException("$", "must be a JSON object");
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var isId = reader.ValueTextEquals("id"u8);
                reader.Read();
                if (!isId)
                {
                    reader.Skip();
                }
                else if (seen)
                {
                    throw new OrderMappingException("id", "appears more than once");
                }
                else
                {
                    seen = true;
                    id = ReadId(ref reader);
                }
            }

            // Reading past the root object makes the reader reject trailing content.
            reader.Read();
        }
        catch (JsonException exception)
        {
            throw JsonObjectReader.InvalidJson(exception);
        }

        return id ?? throw new OrderMappingException("id");
    }

    private static string? ReadId(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        long id = 0;
        var valid = reader.TokenType switch
        {
            JsonTokenType.Number => reader.TryGetInt64(out id),
            JsonTokenType.String => long.TryParse(reader.GetString(), NumberStyles.None, CultureInfo.InvariantCulture, out id),
            _ => false,
        };

        return valid && id > 0
            ? id.ToString(CultureInfo.InvariantCulture)
            : throw new OrderMappingException("id", "must be a positive integer id");
    }

    private static OrderLine ReadLine(JsonObjectReader line, int index)
    {
        var sku = line.RequiredText("sku");
        var quantity = line.RequiredPositiveInt("quantity");
        var unitPrice = line.RequiredMoney("price");
        var discountAllocations = line.Objects("discount_allocations");

        // discount_allocations covers order-level and line-level discounts; total_discount is the older, line-only field.
        var discount = discountAllocations.Count > 0
            ? discountAllocations.Sum(allocation => allocation.RequiredMoney("amount"))
            : line.Money("total_discount") ?? 0m;

        return new OrderLine(
            LineId: line.Id("id") ?? (index + 1).ToString(CultureInfo.InvariantCulture),
            Sku: sku,
            Quantity: quantity,
            UnitPrice: unitPrice,
            Discount: discount,
            Tax: SumTax(line),
            Title: line.Text("title"));
    }

    private static ShippingCharge ReadShipping(IReadOnlyList<JsonObjectReader> shippingLines)
    {
        var shipping = ShippingCharge.None;
        foreach (var line in shippingLines)
        {
            var price = line.RequiredMoney("price");
            shipping = new ShippingCharge(
                shipping.Amount + price,
                shipping.Discount + ReadShippingDiscount(line, price),
                shipping.Tax + SumTax(line),
                shipping.Method ?? line.Text("title") ?? line.Text("code"));
        }

        return shipping;
    }

    private static decimal ReadShippingDiscount(JsonObjectReader line, decimal price)
    {
        var allocations = line.Objects("discount_allocations");
        if (allocations.Count > 0)
        {
            return allocations.Sum(allocation => allocation.RequiredMoney("amount"));
        }

        return line.Money("discounted_price") switch
        {
            null => 0m,
            { } discounted when discounted <= price => price - discounted,
            _ => throw new OrderMappingException(line.PathOf("discounted_price"), "must not exceed price"),
        };
    }

    private static decimal SumTax(JsonObjectReader owner) =>
        owner.Objects("tax_lines").Sum(taxLine => taxLine.RequiredMoney("price"));

    private static OrderTotals ReadTotals(JsonObjectReader order, IReadOnlyList<OrderLine> lines, ShippingCharge shipping)
    {
        // Shopify always sends the totals; the fallbacks keep hand-written and partner payloads consistent with their lines.
        var lineDiscounts = lines.Sum(line => line.Discount);
        var subtotal = order.Money("subtotal_price")
            ?? lines.Sum(line => line.UnitPrice * line.Quantity) - lineDiscounts;
        var discounts = order.Money("total_discounts") ?? lineDiscounts + shipping.Discount;
        var tax = order.Money("total_tax") ?? lines.Sum(line => line.Tax) + shipping.Tax;
        var shippingTotal = order.Object("total_shipping_price_set")?.Object("shop_money")?.Money("amount")
            ?? shipping.Amount;
        var taxIncludedInPrices = order.Boolean("taxes_included") ?? false;
        var total = order.Money("total_price")
            ?? subtotal + shippingTotal - shipping.Discount + (taxIncludedInPrices ? 0m : tax);

        return new OrderTotals(subtotal, discounts, tax, shippingTotal, total);
    }

    private static Customer? ReadCustomer(JsonObjectReader order)
    {
        var customer = order.Object("customer");
        var name = JoinName(customer?.Text("first_name"), customer?.Text("last_name"));
        var email = customer?.Text("email") ?? order.Text("email") ?? order.Text("contact_email");
        var phone = customer?.Text("phone") ?? order.Text("phone");

        return name is null && email is null && phone is null ? null : new Customer(name, email, phone);
    }

    private static PostalAddress? ReadAddress(JsonObjectReader? address)
    {
        if (address is not { } fields)
        {
            return null;
        }

        return new PostalAddress(
            Name: fields.Text("name") ?? JoinName(fields.Text("first_name"), fields.Text("last_name")),
            Line1: fields.Text("address1"),
            Line2: fields.Text("address2"),
            City: fields.Text("city"),
            Region: fields.Text("province_code") ?? fields.Text("province"),
            PostalCode: fields.Text("zip"),
            CountryCode: fields.Text("country_code"),
            Phone: fields.Text("phone"));
    }

    private static string? JoinName(string? first, string? last) =>
        (first, last) switch
        {
            (null, null) => null,
            (not null, null) => first.Trim(),
            (null, not null) => last.Trim(),
            _ => $"{first.Trim()} {last.Trim()}",
        };
}
