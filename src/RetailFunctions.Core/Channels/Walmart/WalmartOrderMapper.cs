using RetailFunctions.Core.Orders;

namespace RetailFunctions.Core.Channels.Walmart;

/// <summary>
/// Maps Walmart webhook events (<c>{source:{...}, payload:{...}}</c>) whose payload is a purchase order as the
/// Walmart Orders API returns it. Charges are for the whole order line; order dates are Unix epoch milliseconds.
/// </summary>
public static class WalmartOrderMapper
{
    /// <summary>Maps a <c>PO_CREATED</c> event.</summary>
    /// <exception cref="OrderMappingException">The body is not valid JSON or a field is missing or invalid.</exception>
    public static CanonicalOrder Map(ReadOnlySpan<byte> eventJson)
    {
        using var document = JsonObjectReader.Parse(eventJson);
        var purchaseOrder = JsonObjectReader.Root(document.RootElement).RequiredObject("payload");

        var purchaseOrderId = purchaseOrder.RequiredText("purchaseOrderId");
        var orderLines = WalmartOrderLines.Read(purchaseOrder);
        var charges = new WalmartCharges();
        var lines = orderLines.Select(charges.ReadLine).ToList();
        var shippingInfo = purchaseOrder.Object("shippingInfo");
        var shipping = charges.Shipping(shippingInfo?.Text("methodCode"));
        var statuses = orderLines.Select(WalmartOrderLines.Status).ToList();

        return new CanonicalOrder(
            Channel: WalmartWebhookChannel.ChannelName,
            ChannelOrderId: purchaseOrderId,
            OrderNumber: purchaseOrder.Text("customerOrderId"),
            Currency: charges.Currency ?? throw new OrderMappingException(orderLines[0].PathOf("charges")),
            Lines: lines,
            Shipping: shipping,
            Totals: Totals(charges, lines, shipping),
            Customer: ReadCustomer(purchaseOrder, shippingInfo),
            ShippingAddress: ReadAddress(shippingInfo),
            PlacedAt: purchaseOrder.RequiredInstant("orderDate"),
            UpdatedAt: statuses.Max(status => status.At),
            FinancialStatus: FinancialStatusOf(statuses),
            CancelledAt: statuses.All(status => status.IsCancelled) ? statuses.Max(status => status.At) ?? purchaseOrder.RequiredInstant("orderDate") : null);
    }

    /// <summary>Maps a <c>PO_LINE_AUTOCANCELLED</c> event to the cancellation of the lines it names.</summary>
    /// <exception cref="OrderMappingException">The body is not valid JSON or a field is missing or invalid.</exception>
    public static ChannelCancellation MapCancellation(ReadOnlySpan<byte> eventJson)
    {
        using var document = JsonObjectReader.Parse(eventJson);
        var root = JsonObjectReader.Root(document.RootElement);
        var purchaseOrder = root.RequiredObject("payload");

        var purchaseOrderId = purchaseOrder.RequiredText("purchaseOrderId");
        var orderLines = WalmartOrderLines.Read(purchaseOrder);
        var statuses = orderLines.Select(WalmartOrderLines.Status).ToList();

        // Lines the event lists with a live status were not cancelled by it; lines without any status were.
        var cancelled = orderLines.Zip(statuses).Where(pair => pair.Second.IsCancelled || pair.Second.Status is null).ToList();
        if (cancelled.Count == 0)
        {
            throw new OrderMappingException(purchaseOrder.PathOf("orderLines"), "names no cancelled line");
        }

        return new ChannelCancellation(
            Channel: WalmartWebhookChannel.ChannelName,
            ChannelOrderId: purchaseOrderId,
            LineIds: cancelled.Select(pair => pair.First.RequiredText("lineNumber")).ToList(),
            Reason: cancelled.Select(pair => pair.Second.Reason).FirstOrDefault(reason => reason is not null),
            CancelledAt: cancelled.Max(pair => pair.Second.At)
                ?? root.Object("source")?.Instant("eventTime")
                ?? throw new OrderMappingException(cancelled[0].First.PathOf("statusDate")));
    }

    /// <summary>Reads only <c>payload.purchaseOrderId</c>: the id a failure is kept under.</summary>
    /// <exception cref="OrderMappingException">The body is not valid JSON or names no purchase order.</exception>
    public static string ReadPurchaseOrderId(ReadOnlySpan<byte> eventJson)
    {
        using var document = JsonObjectReader.Parse(eventJson);
        return JsonObjectReader.Root(document.RootElement).RequiredObject("payload").RequiredText("purchaseOrderId");
    }

    // Walmart charges the customer when a line ships.
    private static string FinancialStatusOf(IReadOnlyList<WalmartLineStatus> statuses) =>
        statuses.All(status => status.IsCancelled) ? "voided"
        : statuses.All(status => status.IsCancelled || status.IsShipped) ? "paid"
        : "authorized";

    private static OrderTotals Totals(WalmartCharges charges, IReadOnlyList<OrderLine> lines, ShippingCharge shipping)
    {
        var lineDiscounts = lines.Sum(line => line.Discount);
        var subtotal = charges.ProductTotal - lineDiscounts;
        var tax = lines.Sum(line => line.Tax) + shipping.Tax;

        // Walmart US prices exclude sales tax.
        return new OrderTotals(subtotal, lineDiscounts + shipping.Discount, tax, shipping.Amount, subtotal + shipping.Amount - shipping.Discount + tax);
    }

    private static Customer? ReadCustomer(JsonObjectReader purchaseOrder, JsonObjectReader? shippingInfo)
    {
        var name = shippingInfo?.Object("postalAddress")?.Text("name");
        var email = purchaseOrder.Text("customerEmailId");
        var phone = shippingInfo?.Text("phone");
        return name is null && email is null && phone is null ? null : new Customer(name, email, phone);
    }

    private static PostalAddress? ReadAddress(JsonObjectReader? shippingInfo)
    {
        if (shippingInfo?.Object("postalAddress") is not { } address)
        {
            return null;
        }

        return new PostalAddress(
            Name: address.Text("name"),
            Line1: address.Text("address1"),
            Line2: address.Text("address2"),
            City: address.Text("city"),
            Region: address.Text("state"),
            PostalCode: address.Text("postalCode"),
            CountryCode: CountryCodeOf(address.Text("country")),
            Phone: shippingInfo.Value.Text("phone"));
    }

    // The US marketplace sends ISO 3166 alpha-3 "USA"; the canonical model, like Shopify, uses alpha-2.
    private static string? CountryCodeOf(string? country) =>
        string.Equals(country, "USA", StringComparison.OrdinalIgnoreCase) ? "US" : country;
}
