using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace RetailFunctions.IntegrationTests.Fabric;

/// <summary>
/// Builds Walmart webhook deliveries as Walmart signs them: <c>WM_SEC.TIMESTAMP</c> (epoch ms) and
/// <c>WM_SEC.SIGNATURE</c> = base64 HMAC-SHA256 of <c>METHOD\nPATH\nTIMESTAMP\nhex(sha256(body))</c>. Written from the
/// contract rather than with the product's signer, so a drift between the two shows up here.
/// </summary>
internal static class WalmartWebhook
{
    public const string Path = "/api/webhooks/walmart";

    private static readonly string SampleDirectory = System.IO.Path.Combine(AppContext.BaseDirectory, "Samples", "Walmart");

    /// <summary>The sample <c>PO_CREATED</c> with a fresh purchase order id and event id.</summary>
    public static (string PurchaseOrderId, string EventId, byte[] Body) NewOrder(string sample = "po-created.json")
    {
        var purchaseOrderId = Random.Shared.NextInt64(1_000_000_000_000, 9_999_999_999_999).ToString(CultureInfo.InvariantCulture);
        var delivery = JsonNode.Parse(File.ReadAllText(System.IO.Path.Combine(SampleDirectory, sample)))!.AsObject();
        var eventId = Guid.NewGuid().ToString();
        delivery["source"]!["eventId"] = eventId;
        delivery["payload"]!["purchaseOrderId"] = purchaseOrderId;
        return (purchaseOrderId, eventId, Encoding.UTF8.GetBytes(delivery.ToJsonString()));
    }

    /// <summary>
    /// Seeds the purchase order of the sample (line 1 SKU-1042 × 1, line 2 SKU-2310 × 2) in the simulated Walmart API,
    /// which only accepts shipping updates for orders it knows.
    /// </summary>
    public static async Task SeedAsync(HttpClient simulators, string purchaseOrderId)
    {
        var seed = new JsonObject
        {
            ["purchaseOrderId"] = purchaseOrderId,
            ["lines"] = new JsonArray(
                new JsonObject { ["sku"] = "SKU-1042", ["quantity"] = 1, ["unitPrice"] = 49.00m, ["lineNumber"] = "1" },
                new JsonObject { ["sku"] = "SKU-2310", ["quantity"] = 2, ["unitPrice"] = 49.00m, ["lineNumber"] = "2" }),
        };
        using var response = await simulators.PostAsJsonAsync("_sim/walmart/orders", seed);
        Assert.True(response.IsSuccessStatusCode, $"Seeding Walmart order {purchaseOrderId}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    public static string Sign(byte[] body, DateTimeOffset timestamp, string secret = FabricHost.WalmartSecret, string method = "POST", string path = Path)
    {
        var message = $"{method}\n{path}\n{Timestamp(timestamp)}\n{Convert.ToHexStringLower(SHA256.HashData(body))}";
        return Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(message)));
    }

    /// <param name="secret">The secret to sign with; the fabric's by default.</param>
    public static HttpRequestMessage Request(byte[] body, string secret = FabricHost.WalmartSecret, DateTimeOffset? timestamp = null)
    {
        var at = timestamp ?? DateTimeOffset.UtcNow;
        var request = new HttpRequestMessage(HttpMethod.Post, Path.TrimStart('/')) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse("application/json");
        request.Headers.TryAddWithoutValidation("WM_SEC.TIMESTAMP", Timestamp(at));
        request.Headers.TryAddWithoutValidation("WM_SEC.SIGNATURE", Sign(body, at, secret));
        return request;
    }

    private static string Timestamp(DateTimeOffset at) => at.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
}
