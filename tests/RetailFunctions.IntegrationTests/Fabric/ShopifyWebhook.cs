using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace RetailFunctions.IntegrationTests.Fabric;

/// <summary>Builds Shopify webhook deliveries the way Shopify sends them: raw JSON body, HMAC over the exact bytes.</summary>
internal static class ShopifyWebhook
{
    private static readonly string SampleDirectory = Path.Combine(AppContext.BaseDirectory, "Samples", "Shopify");

    /// <summary>The sample <c>orders/create</c> body with a fresh order id, so tests sharing one Azurite never collide.</summary>
    public static (string OrderId, byte[] Body) NewOrder(string sample = "orders-create.json")
    {
        var order = JsonNode.Parse(File.ReadAllText(Path.Combine(SampleDirectory, sample)))!.AsObject();
        var orderId = Random.Shared.NextInt64(1_000_000_000_000, 9_999_999_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);
        order["id"] = long.Parse(orderId, System.Globalization.CultureInfo.InvariantCulture);
        order["admin_graphql_api_id"] = $"gid://shopify/Order/{orderId}";
        return (orderId, Encoding.UTF8.GetBytes(order.ToJsonString()));
    }

    public static string Sign(byte[] body, string secret = FabricHost.ShopifySecret) =>
        Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body));

    public static HttpRequestMessage Request(
        byte[] body,
        string eventId,
        string topic = "orders/create",
        string? signature = null,
        string contentType = "application/json")
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "api/webhooks/shopify") { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        request.Headers.Add("X-Shopify-Topic", topic);
        request.Headers.Add("X-Shopify-Shop-Domain", "retail-test.myshopify.com");
        request.Headers.Add("X-Shopify-Webhook-Id", Guid.NewGuid().ToString());
        request.Headers.Add("X-Shopify-Event-Id", eventId);
        request.Headers.Add("X-Shopify-Triggered-At", DateTimeOffset.UtcNow.ToString("O"));
        if (signature != "")
        {
            request.Headers.Add("X-Shopify-Hmac-Sha256", signature ?? Sign(body));
        }

        return request;
    }
}
