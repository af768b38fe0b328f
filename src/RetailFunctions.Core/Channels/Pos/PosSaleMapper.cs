using System.Globalization;
using RetailFunctions.Core.Orders;

namespace RetailFunctions.Core.Channels.Pos;

/// <summary>
/// Maps a store sale to a <see cref="CanonicalOrder"/> that is already paid and handed over at the counter.
/// </summary>
/// <remarks>
/// The POS body (camelCase, amounts as JSON numbers or decimal strings):
/// <code>
/// { "type": "sale" | "return", "storeId", "register", "transactionId" (unique per store), "occurredAt" (ISO 8601),
///   "currency", "taxIncluded"?: false,
///   "lines": [{ "lineId"?, "sku", "title"?, "quantity", "unitPrice", "discount"?, "tax"? }]  (discount and tax per line),
///   "total", "tenders": [{ "type": "card|cash|giftcard|…", "amount", "reference"? }], "changeGiven"?,
///   "originalOrderRef"?: { "channel", "channelOrderId" }  (returns only) }
/// </code>
/// No customer data is sent: a store sale needs none.
/// </remarks>
public static class PosSaleMapper
{
    /// <exception cref="OrderMappingException">The body is not valid JSON, a field is missing or invalid, or the amounts do not add up.</exception>
    public static CanonicalOrder Map(ReadOnlySpan<byte> utf8Json)
    {
        using var document = JsonObjectReader.Parse(utf8Json);
        var sale = JsonObjectReader.Root(document.RootElement);

        if (sale.RequiredText("type") != PosTopics.Sale)
        {
            throw new OrderMappingException("type", "must be sale");
        }

        var storeId = sale.RequiredText("storeId");
        var transactionId = sale.RequiredText("transactionId");
        var lines = sale.RequiredObjects("lines").Select(ReadLine).ToList();
        var totals = ReadTotals(sale, lines);
        var occurredAt = sale.RequiredTimestamp("occurredAt");

        return new CanonicalOrder(
            Channel: PosWebhookChannel.ChannelName,
            ChannelOrderId: PosTopics.TransactionKey(storeId, transactionId),
            OrderNumber: transactionId,
            Currency: sale.RequiredCurrency("currency"),
            Lines: lines,
            Shipping: ShippingCharge.None,
            Totals: totals,
            Customer: null,
            ShippingAddress: null,
            PlacedAt: occurredAt,
            UpdatedAt: occurredAt,
            FinancialStatus: "paid",
            CancelledAt: null,
            FulfilledAtStore: storeId);
    }

    /// <summary>The channel order id a failure is kept under.</summary>
    /// <exception cref="OrderMappingException">The body is not valid JSON or lacks <c>storeId</c> or <c>transactionId</c>.</exception>
    public static string ReadOrderId(ReadOnlySpan<byte> utf8Json)
    {
        using var document = JsonObjectReader.Parse(utf8Json);
        var sale = JsonObjectReader.Root(document.RootElement);
        return PosTopics.TransactionKey(sale.RequiredText("storeId"), sale.RequiredText("transactionId"));
    }

    private static OrderLine ReadLine(JsonObjectReader line, int index)
    {
        var quantity = line.RequiredPositiveInt("quantity");
        var unitPrice = line.RequiredMoney("unitPrice");
        var discount = line.Money("discount") ?? 0m;
        if (discount > unitPrice * quantity)
        {
            throw new OrderMappingException(line.PathOf("discount"), "must not exceed unit price × quantity");
        }

        return new OrderLine(
            LineId: line.Text("lineId") ?? (index + 1).ToString(CultureInfo.InvariantCulture),
            Sku: line.RequiredText("sku"),
            Quantity: quantity,
            UnitPrice: unitPrice,
            Discount: discount,
            Tax: line.Money("tax") ?? 0m,
            Title: line.Text("title"));
    }

    // A sale recorded as paid must really be paid: the lines, the total and the tenders have to agree to the cent.
    private static OrderTotals ReadTotals(JsonObjectReader sale, IReadOnlyList<OrderLine> lines)
    {
        var discounts = lines.Sum(line => line.Discount);
        var subtotal = lines.Sum(line => line.UnitPrice * line.Quantity) - discounts;
        var tax = lines.Sum(line => line.Tax);
        var taxIncluded = sale.Boolean("taxIncluded") ?? false;

        var total = sale.RequiredMoney("total");
        if (total != subtotal + (taxIncluded ? 0m : tax))
        {
            throw new OrderMappingException("total", "does not match the lines");
        }

        var tendered = sale.RequiredObjects("tenders").Sum(tender => tender.RequiredMoney("amount"));
        if (tendered - (sale.Money("changeGiven") ?? 0m) != total)
        {
            throw new OrderMappingException("tenders", "minus changeGiven do not add up to the total");
        }

        return new OrderTotals(subtotal, discounts, tax, 0m, total);
    }
}
