using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using RetailFunctions.Core.Channels.Amazon;
using RetailFunctions.Core.Recovery;
using RetailFunctions.Infrastructure.BackOffice;

namespace RetailFunctions.Infrastructure.Recovery;

/// <summary>
/// SP-API Orders v0 <c>getOrders</c> with <c>LastUpdatedAfter</c>, paged by <c>NextToken</c>. Its usage plan is tight
/// (0.0167 requests per second, burst 20): the resilience handler waits out a 429's <c>Retry-After</c>. Each order
/// becomes the <c>ORDER_CHANGE</c> notification that should have announced it; ingestion then fetches the order as usual.
/// </summary>
public sealed class AmazonOrderFeed(HttpClient http, IOptionsMonitor<BackOfficeEndpointOptions> options) : IChannelOrderFeed
{
    public string Channel => AmazonWebhookChannel.ChannelName;

    public async Task<RecoverableOrderPage> ListUpdatedSinceAsync(DateTimeOffset since, string? pageToken, CancellationToken cancellationToken)
    {
        var settings = options.Get(BackOfficeSystems.Amazon);
        var query = pageToken is null
            ? $"MarketplaceIds={Uri.EscapeDataString(settings.MarketplaceId)}&LastUpdatedAfter={Uri.EscapeDataString(since.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture))}"
            : $"MarketplaceIds={Uri.EscapeDataString(settings.MarketplaceId)}&NextToken={Uri.EscapeDataString(pageToken)}";
        using var request = new HttpRequestMessage(HttpMethod.Get, $"orders/v0/orders?{query}");
        using var response = await BackOfficeHttp.SendAsync(http, request, BackOfficeSystems.Amazon, "getOrders", cancellationToken);
        using var document = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(cancellationToken), cancellationToken: cancellationToken);
        var payload = document.RootElement.GetProperty("payload");
        var orders = payload.GetProperty("Orders").EnumerateArray()
            .Select(order => Notification(order, settings))
            .ToList();
        var next = payload.TryGetProperty("NextToken", out var token) && token.ValueKind == JsonValueKind.String ? token.GetString() : null;
        return new RecoverableOrderPage(orders, string.IsNullOrEmpty(next) ? null : next);
    }

    private static RecoverableOrder Notification(JsonElement order, BackOfficeEndpointOptions settings)
    {
        var orderId = FeedJson.RequiredText(order, "AmazonOrderId");
        var updatedAt = FeedJson.RequiredInstant(order, "LastUpdateDate");
        var at = updatedAt.UtcDateTime.ToString("O", CultureInfo.InvariantCulture);
        var notification = new JsonObject
        {
            ["NotificationVersion"] = "1.0",
            ["NotificationType"] = AmazonNotificationTypes.OrderChange,
            ["PayloadVersion"] = "1.0",
            ["EventTime"] = at,
            ["Payload"] = new JsonObject
            {
                ["OrderChangeNotification"] = new JsonObject
                {
                    ["NotificationLevel"] = "OrderLevel",
                    ["SellerId"] = settings.SellerId,
                    ["AmazonOrderId"] = orderId,
                    ["OrderChangeType"] = "OrderStatusChange",
                    ["OrderChangeTrigger"] = new JsonObject { ["TimeOfOrderChange"] = at, ["ChangeReason"] = "RecoveredByPolling" },
                    ["Summary"] = new JsonObject
                    {
                        ["MarketplaceId"] = settings.MarketplaceId,
                        ["OrderStatus"] = FeedJson.RequiredText(order, "OrderStatus"),
                    },
                },
            },
            ["NotificationMetadata"] = new JsonObject
            {
                ["PublishTime"] = at,
                ["NotificationId"] = $"recovered-{orderId}-{updatedAt.UtcTicks.ToString(CultureInfo.InvariantCulture)}",
            },
        };
        return new RecoverableOrder(orderId, updatedAt, AmazonNotificationTypes.OrderChange, Encoding.UTF8.GetBytes(notification.ToJsonString()));
    }
}
