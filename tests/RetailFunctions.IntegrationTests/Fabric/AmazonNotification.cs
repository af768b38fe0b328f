using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;

namespace RetailFunctions.IntegrationTests.Fabric;

/// <summary>
/// Builds SP-API <c>ORDER_CHANGE</c> notifications as the SQS/EventBridge relay forwards them (<c>X-Api-Key</c>), and
/// seeds the matching order in the simulated SP-API, which the fabric fetches because the notification is too thin.
/// </summary>
internal static class AmazonNotification
{
    private static readonly string SampleDirectory = Path.Combine(AppContext.BaseDirectory, "Samples", "Amazon");

    /// <summary>The sample notification with a fresh Amazon order id and notification id.</summary>
    public static (string OrderId, string NotificationId, byte[] Body) NewOrder(string sample = "order-change-notification.json")
    {
        var orderId = string.Create(
            CultureInfo.InvariantCulture,
            $"113-{Random.Shared.Next(1_000_000, 9_999_999)}-{Random.Shared.Next(1_000_000, 9_999_999)}");
        var notification = JsonNode.Parse(File.ReadAllText(Path.Combine(SampleDirectory, sample)))!.AsObject();
        notification["Payload"]!["OrderChangeNotification"]!["AmazonOrderId"] = orderId;
        var notificationId = Guid.NewGuid().ToString();
        notification["NotificationMetadata"]!["NotificationId"] = notificationId;
        return (orderId, notificationId, Encoding.UTF8.GetBytes(notification.ToJsonString()));
    }

    /// <summary>Seeds the order the sample notification announces (SKU-1042 × 2, SKU-2310 × 1) in the simulated SP-API.</summary>
    public static async Task SeedAsync(HttpClient simulators, string orderId)
    {
        var seed = new JsonObject
        {
            ["amazonOrderId"] = orderId,
            ["items"] = new JsonArray(
                new JsonObject { ["sku"] = "SKU-1042", ["quantity"] = 2, ["itemPrice"] = 98.00m, ["itemTax"] = 8.09m, ["orderItemId"] = $"{orderId}-1" },
                new JsonObject { ["sku"] = "SKU-2310", ["quantity"] = 1, ["itemPrice"] = 24.50m, ["itemTax"] = 2.02m, ["orderItemId"] = $"{orderId}-2" }),
        };
        using var response = await simulators.PostAsJsonAsync("_sim/amazon/orders", seed);
        Assert.True(response.IsSuccessStatusCode, $"Seeding Amazon order {orderId}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    /// <param name="apiKey">The relay's key; null leaves the header out.</param>
    public static HttpRequestMessage Request(byte[] body, string? apiKey = FabricHost.AmazonApiKey)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "api/webhooks/amazon") { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse("application/json");
        if (apiKey is not null)
        {
            request.Headers.Add("X-Api-Key", apiKey);
        }

        return request;
    }
}
