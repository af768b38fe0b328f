using RetailFunctions.Core.Orders;

namespace RetailFunctions.Core.Channels.Amazon;

/// <summary>
/// Maps the SP-API Orders v0 <c>getOrder</c> and <c>getOrderItems</c> responses (<c>{"payload":{...}}</c>) to a
/// <see cref="CanonicalOrder"/>. Amazon amounts are strings and are totals for the whole line, not per unit.
/// </summary>
public static class AmazonOrderMapper
{
    /// <exception cref="OrderMappingException">A body is not valid JSON or a field is missing or invalid.</exception>
    public static CanonicalOrder Map(ReadOnlySpan<byte> orderJson, ReadOnlySpan<byte> orderItemsJson)
    {
        using var orderDocument = JsonObjectReader.Parse(orderJson);
        using var itemsDocument = JsonObjectReader.Parse(orderItemsJson);
        var order = JsonObjectReader.Root(orderDocument.RootElement).RequiredObject("payload");
        var items = JsonObjectReader.Root(itemsDocument.RootElement).RequiredObject("payload");

        var amazonOrderId = order.RequiredText("AmazonOrderId");
        if (items.Text("AmazonOrderId") is { } itemsOrderId && itemsOrderId != amazonOrderId)
        {
            throw new OrderMappingException(items.PathOf("AmazonOrderId"), "does not match the order's AmazonOrderId");
        }

        if (items.Text("NextToken") is not null)
        {
            // A partial item list would record an order with lines missing; the API client must follow NextToken.
            throw new OrderMappingException(items.PathOf("NextToken"), "is set: the order items are incomplete");
        }

        var status = order.RequiredText("OrderStatus");
        if (!AmazonOrderStatuses.Known.Contains(status))
        {
            throw new OrderMappingException(order.PathOf("OrderStatus"), "is not a known SP-API order status");
        }

        var orderItems = items.RequiredObjects("OrderItems");
        var orderTotal = order.Object("OrderTotal");
        var currency = orderTotal?.RequiredCurrency("CurrencyCode")
            ?? orderItems.Select(item => item.Object("ItemPrice")?.RequiredCurrency("CurrencyCode")).FirstOrDefault(code => code is not null)
            ?? AmazonMarketplaces.CurrencyOf(order.Text("MarketplaceId"))
            ?? throw new OrderMappingException(order.PathOf("OrderTotal"));

        // Orders cancelled before payment authorization never get prices; nothing is charged for them.
        var pricesRequired = status != AmazonOrderStatuses.Canceled;
        var amounts = new AmazonAmounts(currency, pricesRequired);
        var lines = orderItems.Select(amounts.ReadLine).ToList();
        var shipping = amounts.ReadShipping(orderItems, order.Text("ShipServiceLevel"));
        var placedAt = order.RequiredTimestamp("PurchaseDate");
        var updatedAt = order.Timestamp("LastUpdateDate");

        return new CanonicalOrder(
            Channel: AmazonWebhookChannel.ChannelName,
            ChannelOrderId: amazonOrderId,
            OrderNumber: order.Text("SellerOrderId") ?? amazonOrderId,
            Currency: currency,
            Lines: lines,
            Shipping: shipping,
            Totals: ReadTotals(orderTotal, amounts, lines, shipping),
            Customer: ReadCustomer(order.Object("BuyerInfo")),
            ShippingAddress: ReadAddress(order.Object("ShippingAddress")),
            PlacedAt: placedAt,
            UpdatedAt: updatedAt,
            FinancialStatus: FinancialStatusOf(status),
            CancelledAt: IsCancelled(status, order, orderItems) ? updatedAt ?? placedAt : null);
    }

    /// <summary>True when <c>getOrder</c> says the order awaits payment authorization; false when it says otherwise or cannot be read.</summary>
    public static bool IsPending(ReadOnlySpan<byte> orderJson)
    {
        try
        {
            using var document = JsonObjectReader.Parse(orderJson);
            return JsonObjectReader.Root(document.RootElement).RequiredObject("payload").Text("OrderStatus") == AmazonOrderStatuses.Pending;
        }
        catch (OrderMappingException)
        {
            // Map reports the problem with its field.
            return false;
        }
    }

    // Amazon authorizes the buyer's payment when the order leaves Pending and charges it on shipment.
    private static string FinancialStatusOf(string status) =>
        status switch
        {
            AmazonOrderStatuses.Pending => "pending",
            AmazonOrderStatuses.Canceled => "voided",
            AmazonOrderStatuses.Shipped => "paid",
            _ => "authorized",
        };

    private static bool IsCancelled(string status, JsonObjectReader order, IReadOnlyList<JsonObjectReader> items) =>
        status == AmazonOrderStatuses.Canceled
        || order.Flag("IsBuyerRequestedCancellation") == true
        || order.Flag("IsBuyerRequestedCancel") == true
        || items.Any(item => item.Object("BuyerRequestedCancel")?.Flag("IsBuyerRequestedCancel") == true);

    private static OrderTotals ReadTotals(JsonObjectReader? orderTotal, AmazonAmounts amounts, IReadOnlyList<OrderLine> lines, ShippingCharge shipping)
    {
        var lineDiscounts = lines.Sum(line => line.Discount);
        var subtotal = amounts.LinePrices - lineDiscounts;
        var tax = lines.Sum(line => line.Tax) + shipping.Tax;

        // OrderTotal is authoritative: item prices exclude tax in the US but include VAT in Europe.
        var total = orderTotal?.RequiredMoney("Amount") ?? subtotal + shipping.Amount - shipping.Discount + tax;
        return new OrderTotals(subtotal, lineDiscounts + shipping.Discount, tax, shipping.Amount, total);
    }

    private static Customer? ReadCustomer(JsonObjectReader? buyer)
    {
        var name = buyer?.Text("BuyerName");
        var email = buyer?.Text("BuyerEmail");
        return name is null && email is null ? null : new Customer(name, email, null);
    }

    private static PostalAddress? ReadAddress(JsonObjectReader? address)
    {
        if (address is not { } fields)
        {
            return null;
        }

        var line2 = string.Join(", ", new[] { fields.Text("AddressLine2"), fields.Text("AddressLine3") }.OfType<string>());
        return new PostalAddress(
            Name: fields.Text("Name"),
            Line1: fields.Text("AddressLine1"),
            Line2: line2.Length == 0 ? null : line2,
            City: fields.Text("City"),
            Region: fields.Text("StateOrRegion"),
            PostalCode: fields.Text("PostalCode"),
            CountryCode: fields.Text("CountryCode"),
            Phone: fields.Text("Phone"));
    }
}
