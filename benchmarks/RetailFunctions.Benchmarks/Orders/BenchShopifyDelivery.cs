using System.Globalization;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;

namespace RetailFunctions.Benchmarks.Orders;

/// <summary>A signed Shopify <c>orders/create</c> delivery of a one-line order, as the load benchmarks send it.</summary>
internal static class BenchShopifyDelivery
{
    /// <param name="eventId">The delivery's event and webhook id: unique per delivery, or the gate answers "duplicate".</param>
    public static HttpRequestMessage Request(Uri endpoint, string secret, string eventId, string orderId, int sequence)
    {
        var body = Encoding.UTF8.GetBytes(OrderJson(orderId, sequence));
        var request = new HttpRequestMessage(HttpMethod.Post, endpoint) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Add("X-Shopify-Hmac-Sha256", Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body)));
        request.Headers.Add("X-Shopify-Topic", "orders/create");
        request.Headers.Add("X-Shopify-Shop-Domain", "bench.myshopify.com");
        request.Headers.Add("X-Shopify-Event-Id", eventId);
        request.Headers.Add("X-Shopify-Webhook-Id", eventId);
        return request;
    }

    /// <summary>An order id unique across runs and within Shopify's integer range.</summary>
    public static string NewOrderId(int sequence) =>
        string.Create(CultureInfo.InvariantCulture, $"{DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()}{sequence % 1_000_000:D6}");

    private static string OrderJson(string orderId, int sequence)
    {
        var sku = $"SKU-{1000 + (sequence % 3000)}";
        var now = DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture);
        return $$"""
            {"id":{{orderId}},"order_number":{{sequence + 1000}},"name":"#B{{sequence}}","currency":"USD","created_at":"{{now}}","updated_at":"{{now}}",
             "financial_status":"paid","subtotal_price":"19.99","total_price":"24.99","total_tax":"0.00","total_discounts":"0.00",
             "shipping_lines":[{"price":"5.00","title":"Standard"}],
             "line_items":[{"id":{{sequence + 1}},"sku":"{{sku}}","quantity":1,"price":"19.99","title":"Bench item","total_discount":"0.00","tax_lines":[]}]}
            """;
    }
}
