using System.Globalization;
using System.Text.Json.Nodes;
using System.Xml.Linq;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RetailFunctions.Core.BackOffice;
using RetailFunctions.Infrastructure.BackOffice;

namespace RetailFunctions.Infrastructure.Returns;

/// <summary>
/// SP-API refunds of seller-fulfilled orders: a <c>POST_PAYMENT_ADJUSTMENT_DATA</c> feed with one
/// <c>OrderAdjustment</c> (reason <c>CustomerReturn</c>) per return, addressed by Amazon order item code. A return Amazon
/// refunded itself (an A-to-z claim) needs no feed.
/// </summary>
public sealed class AmazonRefundApi(
    HttpClient http,
    IAmazonOrdersApi orders,
    IOptionsMonitor<BackOfficeEndpointOptions> options,
    ILogger<AmazonRefundApi> logger) : IChannelRefundApi
{
    private const string PaymentAdjustmentFeed = "POST_PAYMENT_ADJUSTMENT_DATA";

    public string Channel => BackOfficeSystems.Amazon;

    public async Task ConfirmRefundAsync(string channelOrderId, ChannelRefund refund, string idempotencyKey, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(refund);
        if (refund.AlreadyRefunded || refund.Amount <= 0m)
        {
            logger.LogRefundNotNeeded(Channel, channelOrderId, refund.ReturnKey);
            return;
        }

        var settings = options.Get(BackOfficeSystems.Amazon);
        var items = (JsonNode.Parse(await orders.GetOrderItemsAsync(channelOrderId, cancellationToken))?["payload"]?["OrderItems"] as JsonArray ?? [])
            .Select(i => (Sku: i?["SellerSKU"]?.GetValue<string>() ?? "", Code: i?["OrderItemId"]?.GetValue<string>() ?? "", Quantity: i?["QuantityOrdered"]?.GetValue<int>() ?? 0))
            .ToArray();
        var adjusted = refund.Lines.Where(l => l.Amount > 0m).Select((line, index) =>
        {
            var item = items.FirstOrDefault(i => i.Sku == line.Sku && i.Quantity >= line.Quantity);
            return item.Code is { Length: > 0 }
                ? new XElement(
                    "AdjustedItem",
                    new XElement("AmazonOrderItemCode", item.Code),
                    new XElement("MerchantAdjustmentItemID", $"{refund.ReturnKey}-{index + 1}"),
                    new XElement("AdjustmentReason", "CustomerReturn"),
                    new XElement(
                        "ItemPriceAdjustments",
                        new XElement("Component", new XElement("Type", "Principal"), new XElement("Amount", new XAttribute("currency", refund.Currency), line.Amount.ToString("0.00", CultureInfo.InvariantCulture)))),
                    new XElement("Quantity", line.Quantity))
                : throw new BackOfficeRejectedException(Channel, "createFeed", 400, $"order {channelOrderId} has no item of {line.Sku} with {line.Quantity} ordered");
        }).ToList();
        var feed = new XDocument(new XElement(
            "AmazonEnvelope",
            new XElement("Header", new XElement("DocumentVersion", "1.01"), new XElement("MerchantIdentifier", settings.SellerId ?? "UNSET")),
            new XElement("MessageType", "OrderAdjustment"),
            new XElement("Message", new XElement("MessageID", 1), new XElement("OrderAdjustment", new XElement("AmazonOrderID", channelOrderId), adjusted))));
        var feedId = await AmazonFeedSubmission.SubmitXmlAsync(http, settings, PaymentAdjustmentFeed, feed, idempotencyKey, cancellationToken);
        logger.LogRefundConfirmed(channelOrderId, refund.ReturnKey);
        logger.LogRefundFeed(refund.ReturnKey, feedId);
    }
}
