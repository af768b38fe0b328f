using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RetailFunctions.Core.BackOffice;

namespace RetailFunctions.Infrastructure.BackOffice;

/// <summary>
/// Walmart Marketplace v3 orders: acknowledge, cancel lines, ship lines. Walmart works on purchase-order line numbers,
/// so cancellation and tracking read the order first to find the lines for the SKUs.
/// </summary>
public sealed class WalmartOrderApi(HttpClient http, IOptionsMonitor<BackOfficeEndpointOptions> options, ILogger<WalmartOrderApi> logger) : IChannelOrderApi
{
    public string Channel => BackOfficeSystems.Walmart;

    public async Task AcknowledgeAsync(string channelOrderId, string idempotencyKey, CancellationToken cancellationToken)
    {
        using var request = Request(HttpMethod.Post, $"{OrderPath(channelOrderId)}/acknowledge", null, idempotencyKey);
        await BackOfficeHttp.SendAndForgetAsync(http, request, Channel, "acknowledgeOrder", cancellationToken);
        logger.Done(Channel, "acknowledgeOrder", channelOrderId, "acknowledged");
    }

    public async Task ConfirmCancellationAsync(string channelOrderId, string idempotencyKey, CancellationToken cancellationToken)
    {
        var open = (await LinesAsync(channelOrderId, idempotencyKey, cancellationToken)).Where(l => l.Status is not ("Shipped" or "Cancelled")).ToArray();
        if (open.Length == 0)
        {
            logger.NotApplicable(Channel, "cancelOrderLines", channelOrderId);
            return;
        }

        var body = new JsonObject
        {
            ["orderCancellation"] = OrderLines(open.Select(l => StatusLine(l.LineNumber, new JsonObject
            {
                ["status"] = "Cancelled",
                ["cancellationReason"] = "CUSTOMER_REQUESTED_SELLER_TO_CANCEL",
                ["statusQuantity"] = Quantity(l.Quantity),
            }))),
        };
        using var request = Request(HttpMethod.Post, $"{OrderPath(channelOrderId)}/cancel", body, idempotencyKey);
        await BackOfficeHttp.SendAndForgetAsync(http, request, Channel, "cancelOrderLines", cancellationToken);
        logger.Done(Channel, "cancelOrderLines", channelOrderId, $"{open.Length} lines");
    }

    public async Task PushTrackingAsync(string channelOrderId, TrackingUpdate tracking, string idempotencyKey, CancellationToken cancellationToken)
    {
        var lines = await LinesAsync(channelOrderId, idempotencyKey, cancellationToken);
        var trackingInfo = new JsonObject
        {
            ["shipDateTime"] = tracking.ShippedAt.ToUnixTimeMilliseconds(),
            ["carrierName"] = new JsonObject { ["carrier"] = tracking.Carrier },
            ["methodCode"] = "Standard",
            ["trackingNumber"] = tracking.TrackingNumber,
            ["trackingURL"] = tracking.TrackingUrl,
        };
        var body = new JsonObject
        {
            ["orderShipment"] = OrderLines(Allocate(channelOrderId, tracking.Lines, lines).Select(a => StatusLine(a.LineNumber, new JsonObject
            {
                ["status"] = "Shipped",
                ["statusQuantity"] = Quantity(a.Quantity),
                ["trackingInfo"] = trackingInfo.DeepClone(),
            }))),
        };
        using var request = Request(HttpMethod.Post, $"{OrderPath(channelOrderId)}/shipping", body, idempotencyKey);
        await BackOfficeHttp.SendAndForgetAsync(http, request, Channel, "shipOrderLines", cancellationToken);
        logger.Done(Channel, "shipOrderLines", channelOrderId, tracking.TrackingNumber);
    }

    private Task<WalmartOrderLine[]> LinesAsync(string channelOrderId, string idempotencyKey, CancellationToken cancellationToken) =>
        WalmartMarketplace.ReadLinesAsync(http, options, channelOrderId, idempotencyKey, cancellationToken);

    // Lines not yet shipped first; when every line of the SKU is shipped already this is a retry of a shipment that
    // went through, and the same lines are sent again.
    private List<(string LineNumber, int Quantity)> Allocate(
        string channelOrderId,
        IReadOnlyList<FulfilmentLine> shipped,
        WalmartOrderLine[] lines)
    {
        var allocation = new List<(string, int)>();
        foreach (var line in shipped)
        {
            var left = line.Quantity;
            var candidates = lines.Where(l => l.Sku == line.Sku && l.Status != "Cancelled").OrderBy(l => l.Status == "Shipped").ThenBy(l => l.LineNumber, StringComparer.Ordinal);
            foreach (var candidate in candidates.TakeWhile(_ => left > 0))
            {
                var take = Math.Min(left, candidate.Quantity);
                allocation.Add((candidate.LineNumber, take));
                left -= take;
            }

            if (left > 0)
            {
                throw new BackOfficeRejectedException(Channel, "shipOrderLines", 400, $"purchase order {channelOrderId} has fewer than {line.Quantity} of {line.Sku} to ship");
            }
        }

        return allocation;
    }

    private HttpRequestMessage Request(HttpMethod method, string path, JsonObject? body, string idempotencyKey) =>
        WalmartMarketplace.Request(method, path, body, idempotencyKey, options);

    private static string OrderPath(string purchaseOrderId) => WalmartMarketplace.OrderPath(purchaseOrderId);

    private static JsonObject OrderLines(IEnumerable<JsonObject> lines) =>
        new() { ["orderLines"] = new JsonObject { ["orderLine"] = new JsonArray(lines.Cast<JsonNode?>().ToArray()) } };

    private static JsonObject StatusLine(string lineNumber, JsonObject status) =>
        new() { ["lineNumber"] = lineNumber, ["orderLineStatuses"] = new JsonObject { ["orderLineStatus"] = new JsonArray(status) } };

    private static JsonObject Quantity(int amount) =>
        new() { ["unitOfMeasurement"] = "EACH", ["amount"] = amount.ToString(CultureInfo.InvariantCulture) };
}
