using System.Net.Http.Headers;
using System.Text;
using RetailFunctions.Core.Webhooks;
using RetailFunctions.IntegrationTests.Fabric;

namespace RetailFunctions.IntegrationTests.Inventory;

/// <summary>Builds <c>POST /api/inventory/adjustments</c> requests the way ERP, WMS and POS send them.</summary>
internal static class InventoryAdjustment
{
    public static byte[] Body(string source, long sequence, params string[] items) =>
        Encoding.UTF8.GetBytes($$"""{"source":"{{source}}","sequence":{{sequence}},"occurredAt":"{{DateTimeOffset.UtcNow:O}}","items":[{{string.Join(",", items)}}]}""");

    public static string Count(string sku, string location, int onHand) => $$"""{"sku":"{{sku}}","location":"{{location}}","onHand":{{onHand}}}""";

    public static string Delta(string sku, string location, int delta) => $$"""{"sku":"{{sku}}","location":"{{location}}","delta":{{delta}}}""";

    public static HttpRequestMessage Request(byte[] body, string? signature = null, string contentType = "application/json")
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "api/inventory/adjustments") { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        var header = signature ?? RetailSignature.Create(body, FabricHost.InventorySecret, DateTimeOffset.UtcNow);
        if (header.Length > 0)
        {
            request.Headers.Add(RetailSignature.HeaderName, header);
        }

        return request;
    }

    /// <summary>Sequences are deduplicated per source across the shared Azurite, so each test takes a fresh range.</summary>
    public static long NewSequence() => (DateTimeOffset.UtcNow.Ticks / 10) + Random.Shared.Next(0, 1_000_000);

    public static string NewSku() => $"SKU-9{Random.Shared.Next(0, 999_999):D6}";
}
