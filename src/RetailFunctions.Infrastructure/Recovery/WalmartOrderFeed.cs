using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using RetailFunctions.Core.Channels.Walmart;
using RetailFunctions.Core.Recovery;
using RetailFunctions.Infrastructure.BackOffice;

namespace RetailFunctions.Infrastructure.Recovery;

/// <summary>
/// Walmart Marketplace v3 <c>GET orders?lastModifiedStartDate=…</c>, paged by <c>meta.nextCursor</c> (a query string
/// to append). Each purchase order becomes the <c>PO_CREATED</c> event that should have announced it.
/// </summary>
public sealed class WalmartOrderFeed(HttpClient http, IOptionsMonitor<BackOfficeEndpointOptions> options) : IChannelOrderFeed
{
    private const int PageSize = 100;

    public string Channel => WalmartWebhookChannel.ChannelName;

    public async Task<RecoverableOrderPage> ListUpdatedSinceAsync(DateTimeOffset since, string? pageToken, CancellationToken cancellationToken)
    {
        var query = pageToken?.TrimStart('?') ?? string.Create(
            CultureInfo.InvariantCulture,
            $"lastModifiedStartDate={Uri.EscapeDataString(since.UtcDateTime.ToString("O", CultureInfo.InvariantCulture))}&limit={PageSize}");
        using var request = new HttpRequestMessage(HttpMethod.Get, $"v3/orders?{query}");
        request.Headers.Add("WM_SVC.NAME", "Walmart Marketplace");
        request.Headers.Add("WM_QOS.CORRELATION_ID", Guid.NewGuid().ToString());
        if (options.Get(BackOfficeSystems.Walmart).AccessToken is { Length: > 0 } token)
        {
            request.Headers.Add("WM_SEC.ACCESS_TOKEN", token);
        }

        using var response = await BackOfficeHttp.SendAsync(http, request, BackOfficeSystems.Walmart, "getAllOrders", cancellationToken);
        using var document = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(cancellationToken), cancellationToken: cancellationToken);
        var list = document.RootElement.GetProperty("list");
        var orders = list.GetProperty("elements").GetProperty("order").EnumerateArray().Select(PoCreated).ToList();
        var next = list.GetProperty("meta").TryGetProperty("nextCursor", out var cursor) && cursor.ValueKind == JsonValueKind.String ? cursor.GetString() : null;
        return new RecoverableOrderPage(orders, string.IsNullOrEmpty(next) ? null : next);
    }

    private static RecoverableOrder PoCreated(JsonElement order)
    {
        var purchaseOrderId = FeedJson.RequiredText(order, "purchaseOrderId");
        // A purchase order's listing carries no modification time; it is recovered as of its order date.
        var updatedAt = FeedJson.RequiredInstant(order, "orderDate");
        var delivery = new JsonObject
        {
            ["source"] = new JsonObject
            {
                ["eventType"] = WalmartEventTypes.PoCreated,
                ["eventTime"] = updatedAt.UtcDateTime.ToString("O", CultureInfo.InvariantCulture),
                ["eventId"] = $"recovered-{purchaseOrderId}-{updatedAt.UtcTicks.ToString(CultureInfo.InvariantCulture)}",
            },
            ["payload"] = JsonNode.Parse(order.GetRawText()),
        };
        return new RecoverableOrder(purchaseOrderId, updatedAt, WalmartEventTypes.PoCreated, Encoding.UTF8.GetBytes(delivery.ToJsonString()));
    }
}
