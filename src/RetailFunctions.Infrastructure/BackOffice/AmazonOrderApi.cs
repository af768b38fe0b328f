using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using System.Xml.Linq;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RetailFunctions.Core.BackOffice;

namespace RetailFunctions.Infrastructure.BackOffice;

/// <summary>SP-API: <c>confirmShipment</c> for tracking, an order acknowledgement feed for cancellations.</summary>
public sealed class AmazonOrderApi(
    HttpClient http,
    IAmazonOrdersApi orders,
    IOptionsMonitor<BackOfficeEndpointOptions> options,
    ILogger<AmazonOrderApi> logger) : IChannelOrderApi
{
    private const string OrderAcknowledgementFeed = "POST_ORDER_ACKNOWLEDGEMENT_DATA";

    public string Channel => BackOfficeSystems.Amazon;

    public Task AcknowledgeAsync(string channelOrderId, string idempotencyKey, CancellationToken cancellationToken)
    {
        // SP-API needs no acknowledgement of seller-fulfilled orders, and one feed per order would spend the
        // createFeed quota (one per two minutes sustained) that cancellations need.
        logger.NotApplicable(Channel, "acknowledgement", channelOrderId);
        return Task.CompletedTask;
    }

    public async Task ConfirmCancellationAsync(string channelOrderId, string idempotencyKey, CancellationToken cancellationToken)
    {
        var settings = options.Get(BackOfficeSystems.Amazon);
        var feed = new XDocument(new XElement(
            "AmazonEnvelope",
            new XElement("Header", new XElement("DocumentVersion", "1.01"), new XElement("MerchantIdentifier", settings.SellerId ?? "UNSET")),
            new XElement("MessageType", "OrderAcknowledgement"),
            new XElement(
                "Message",
                new XElement("MessageID", 1),
                new XElement("OrderAcknowledgement", new XElement("AmazonOrderID", channelOrderId), new XElement("StatusCode", "Failure")))));

        var feedId = await AmazonFeedSubmission.SubmitXmlAsync(http, settings, OrderAcknowledgementFeed, feed, idempotencyKey, cancellationToken);
        logger.Done(Channel, "cancellation feed", channelOrderId, feedId);
    }

    public async Task PushTrackingAsync(string channelOrderId, TrackingUpdate tracking, string idempotencyKey, CancellationToken cancellationToken)
    {
        var settings = options.Get(BackOfficeSystems.Amazon);
        var items = OrderItems(JsonNode.Parse(await orders.GetOrderItemsAsync(channelOrderId, cancellationToken)));
        var body = new JsonObject
        {
            ["marketplaceId"] = settings.MarketplaceId,
            ["packageDetail"] = new JsonObject
            {
                // Stable per shipment, so a retried confirmation names the same package.
                ["packageReferenceId"] = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(idempotencyKey)))[..12],
                ["carrierCode"] = tracking.Carrier,
                ["trackingNumber"] = tracking.TrackingNumber,
                ["shipDate"] = tracking.ShippedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
                ["orderItems"] = new JsonArray(Allocate(channelOrderId, tracking.Lines, items)
                    .Select(a => (JsonNode?)new JsonObject { ["orderItemId"] = a.OrderItemId, ["quantity"] = a.Quantity })
                    .ToArray()),
            },
        };

        using var request = Request(HttpMethod.Post, $"orders/v0/orders/{Uri.EscapeDataString(channelOrderId)}/shipmentConfirmation", body, idempotencyKey, settings);
        await BackOfficeHttp.SendAndForgetAsync(http, request, Channel, "confirmShipment", cancellationToken);
        logger.Done(Channel, "confirmShipment", channelOrderId, tracking.TrackingNumber);
    }

    private static (string Sku, string OrderItemId, int Quantity)[] OrderItems(JsonNode? response) =>
        (response?["payload"]?["OrderItems"] as JsonArray ?? [])
            .Select(i => (
                Sku: i?["SellerSKU"]?.GetValue<string>() ?? "",
                OrderItemId: i?["OrderItemId"]?.GetValue<string>() ?? "",
                Quantity: i?["QuantityOrdered"]?.GetValue<int>() ?? 0))
            .ToArray();

    // Allocated against ordered quantities, not what is left, so a retry of a confirmation that went through
    // produces the same request.
    private List<(string OrderItemId, int Quantity)> Allocate(
        string channelOrderId,
        IReadOnlyList<FulfilmentLine> lines,
        (string Sku, string OrderItemId, int Quantity)[] items)
    {
        var allocation = new List<(string, int)>();
        foreach (var line in lines)
        {
            var left = line.Quantity;
            foreach (var item in items.Where(i => i.Sku == line.Sku && left > 0))
            {
                var take = Math.Min(left, item.Quantity);
                allocation.Add((item.OrderItemId, take));
                left -= take;
            }

            if (left > 0)
            {
                throw new BackOfficeRejectedException(Channel, "confirmShipment", 400, $"order {channelOrderId} has fewer than {line.Quantity} of {line.Sku}");
            }
        }

        return allocation;
    }

    private static HttpRequestMessage Request(HttpMethod method, string path, JsonObject body, string? idempotencyKey, BackOfficeEndpointOptions settings) =>
        AmazonFeedSubmission.Request(method, path, body, idempotencyKey, settings);
}
