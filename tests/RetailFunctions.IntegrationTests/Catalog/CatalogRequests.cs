using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using RetailFunctions.Core.Catalog;
using RetailFunctions.Core.Webhooks;
using RetailFunctions.IntegrationTests.Fabric;

namespace RetailFunctions.IntegrationTests.Catalog;

/// <summary>Builds <c>POST /api/catalog/changes</c> requests as the ERP and PIM send them, and reads the fabric and simulators back.</summary>
internal static class CatalogRequests
{
    public static readonly string[] Channels = ["amazon", "pos", "shopify", "walmart"];

    public static byte[] Body(string changeId, params string[] items) =>
        Encoding.UTF8.GetBytes($$"""{"source":"erp","changeId":"{{changeId}}","items":[{{string.Join(",", items)}}]}""");

    /// <summary>A complete product: valid GTIN, brand, title.</summary>
    public static string Product(string sku, long version, decimal price, string? title = null) =>
        $$"""{"sku":"{{sku}}","version":{{version}},"title":"{{title ?? "Trail mug " + sku}}","brand":"Contoso","gtin":"{{Gtin(sku)}}","price":{{price.ToString(CultureInfo.InvariantCulture)}},"currency":"USD","status":"active"}""";

    public static string Price(string sku, long version, decimal price) =>
        $$"""{"sku":"{{sku}}","version":{{version}},"price":{{price.ToString(CultureInfo.InvariantCulture)}}}""";

    public static string Gtin(string sku) => GtinCheckDigit.Complete(sku.Where(char.IsAsciiDigit).Aggregate("4", (s, c) => s + c).PadRight(12, '0')[..12]);

    public static HttpRequestMessage Request(byte[] body, string? signature = null, string contentType = "application/json", string path = "api/catalog/changes")
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        var header = signature ?? RetailSignature.Create(body, FabricHost.CatalogSecret, DateTimeOffset.UtcNow);
        if (header.Length > 0)
        {
            request.Headers.Add(RetailSignature.HeaderName, header);
        }

        return request;
    }

    public static string NewSku() => $"CAT-{Random.Shared.Next(0, 99_999_999):D8}";

    public static string NewChangeId() => Guid.NewGuid().ToString("N");

    public static async Task<JsonElement?> GetAsync(HttpClient fabric, string sku)
    {
        using var response = await fabric.GetAsync($"api/catalog/{sku}");
        return response.IsSuccessStatusCode ? await response.Content.ReadFromJsonAsync<JsonElement>() : null;
    }

    public static JsonElement Channel(JsonElement view, string channel) =>
        view.GetProperty("channels").EnumerateArray().Single(c => c.GetProperty("channel").GetString() == channel);

    /// <summary>The price the simulated channel holds for the SKU (POS: at STORE-001), null when it holds none.</summary>
    public static async Task<decimal?> HeldPriceAsync(HttpClient simulators, string channel, string sku) =>
        (await simulators.GetFromJsonAsync<List<JsonElement>>($"_sim/{channel}/catalog"))!
            .Where(l => l.GetProperty("sku").GetString() == sku)
            .Select(l => l.GetProperty("price").ValueKind == JsonValueKind.Number ? l.GetProperty("price").GetDecimal() : (decimal?)null)
            .FirstOrDefault();
}
