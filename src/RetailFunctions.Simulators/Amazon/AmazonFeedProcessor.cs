using System.Globalization;
using System.Text.Json.Nodes;
using System.Xml;
using System.Xml.Linq;
using RetailFunctions.Simulators.Channels;

namespace RetailFunctions.Simulators.Amazon;

/// <summary>Applies the feed types the fabric sends: order acknowledgements/cancellations, refunds (payment adjustments) and listings quantities.</summary>
public static class AmazonFeedProcessor
{
    public const string OrderAcknowledgementFeed = "POST_ORDER_ACKNOWLEDGEMENT_DATA";
    public const string ListingsFeed = "JSON_LISTINGS_FEED";
    public const string PaymentAdjustmentFeed = "POST_PAYMENT_ADJUSTMENT_DATA";

    /// <param name="issues">Receives the processing report's issues, one per refused message (<c>messageId</c>, <c>severity</c>, <c>message</c>).</param>
    /// <returns>Null when processed, else why the feed is FATAL.</returns>
    public static string? Process(string feedType, byte[] content, AmazonState state, JsonArray issues)
    {
        try
        {
            return feedType switch
            {
                OrderAcknowledgementFeed => OrderAcknowledgements(XDocument.Load(new MemoryStream(content)), state),
                PaymentAdjustmentFeed => PaymentAdjustments(XDocument.Load(new MemoryStream(content)), state),
                ListingsFeed => Listings(JsonNode.Parse(content) as JsonObject, state, issues),
                _ => $"Feed type {feedType} is not simulated.",
            };
        }
        catch (Exception ex) when (ex is XmlException or System.Text.Json.JsonException)
        {
            return $"The feed document cannot be parsed: {ex.Message}";
        }
    }

    private static string? OrderAcknowledgements(XDocument document, AmazonState state)
    {
        var acknowledgements = document.Descendants("OrderAcknowledgement").ToArray();
        if (acknowledgements.Length == 0)
        {
            return "No OrderAcknowledgement messages.";
        }

        foreach (var acknowledgement in acknowledgements)
        {
            var orderId = (string?)acknowledgement.Element("AmazonOrderID");
            var status = (string?)acknowledgement.Element("StatusCode");
            if (orderId is null || status is not ("Success" or "Failure"))
            {
                return "Every OrderAcknowledgement needs AmazonOrderID and StatusCode Success or Failure.";
            }

            if (status == "Success")
            {
                state.Inbox.Acknowledge(orderId);
            }
            else
            {
                state.CancelOrder(orderId, acknowledgement.Descendants("CancelReason").Select(r => (string?)r).FirstOrDefault());
            }
        }

        return null;
    }

    /// <summary>Each <c>OrderAdjustment</c> refunds the item price components of its items, addressed by order item code.</summary>
    private static string? PaymentAdjustments(XDocument document, AmazonState state)
    {
        var adjustments = document.Descendants("OrderAdjustment").ToArray();
        if (adjustments.Length == 0)
        {
            return "No OrderAdjustment messages.";
        }

        foreach (var adjustment in adjustments)
        {
            var orderId = (string?)adjustment.Element("AmazonOrderID");
            if (orderId is null || state.Order(orderId) is not { } order)
            {
                return $"OrderAdjustment for unknown order {orderId}.";
            }

            var items = adjustment.Elements("AdjustedItem").Select(item =>
            {
                var ordered = order.Items.FirstOrDefault(i => i.OrderItemId == (string?)item.Element("AmazonOrderItemCode"));
                var amounts = item.Descendants("Amount").Select(a => decimal.TryParse(a.Value, NumberStyles.Number, CultureInfo.InvariantCulture, out var v) && v > 0m ? v : (decimal?)null).ToArray();
                var quantity = (int?)item.Element("Quantity") ?? ordered?.QuantityShipped ?? 0;
                return (Ordered: ordered, Amount: amounts.Length == 0 || amounts.Contains(null) ? null : amounts.Sum(), Quantity: quantity, Currency: (string?)item.Descendants("Amount").FirstOrDefault()?.Attribute("currency"));
            }).ToArray();
            if (items.Length == 0 || items.Any(i => i.Ordered is null || i.Amount is null || i.Currency != order.Currency || i.Quantity <= 0 || i.Quantity > i.Ordered.QuantityShipped))
            {
                return $"Every AdjustedItem of order {orderId} needs a shipped AmazonOrderItemCode, a quantity up to what shipped and positive {order.Currency} amounts.";
            }

            state.Inbox.Refund(orderId, (string?)adjustment.Descendants("AdjustmentReason").FirstOrDefault(), items.Sum(i => i.Amount!.Value), order.Currency, items.Select(i => new ChannelLine(i.Ordered!.Sku, i.Quantity)).ToArray());
        }

        return null;
    }

    private static string? Listings(JsonObject? feed, AmazonState state, JsonArray issues)
    {
        var messages = Json.Array(feed?["messages"]);
        if (messages.Count == 0)
        {
            return "No messages.";
        }

        foreach (var message in messages)
        {
            var sku = Json.String(message?["sku"]);
            if (sku is null)
            {
                return "Every message needs a sku.";
            }

            if (AmazonListings.Quantity(message!["patches"]) is { } quantity)
            {
                state.Inbox.SetInventory(sku, null, quantity, ListingsFeed);
            }

            var issue = Json.String(message["operationType"]) switch
            {
                "UPDATE" => AmazonListings.Put(state.Catalog, sku, message["attributes"]),
                "PATCH" when AmazonListings.OfferPatch(message["patches"]) is { } offer => AmazonListings.PatchPrice(state.Catalog, sku, offer),
                _ => null,
            };
            if (issue is not null)
            {
                issues.Add(new JsonObject { ["messageId"] = Json.Int(message["messageId"]), ["code"] = "90000", ["severity"] = "ERROR", ["message"] = issue });
            }
        }

        return null;
    }
}
