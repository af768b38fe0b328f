using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using RetailFunctions.Core.Webhooks;
using RetailFunctions.IntegrationTests.Fabric;
using RetailFunctions.IntegrationTests.Inventory;

namespace RetailFunctions.IntegrationTests.Abuse;

/// <summary>
/// Every signed endpoint the fabric exposes (DESIGN §3). Adding an endpoint to the abuse matrix is one entry here.
/// </summary>
internal static class SignedEndpoints
{
    // Declared before All, whose initializer uses it.
    private static readonly IReadOnlyDictionary<string, string> NoHeaders = new Dictionary<string, string>();

    public static readonly IReadOnlyList<SignedEndpoint> All =
    [
        new(
            "shopify",
            "/api/webhooks/shopify",
            FabricHost.ShopifySecret,
            "test-only-shopify-secret-previous",
            "Channels__Shopify__PreviousWebhookSecret",
            SignsBody: true,
            SignsTimestamp: false,
            _ =>
            {
                var (orderId, body) = ShopifyWebhook.NewOrder();
                var headers = new Dictionary<string, string>
                {
                    ["X-Shopify-Topic"] = "orders/create",
                    ["X-Shopify-Shop-Domain"] = "retail-test.myshopify.com",
                    ["X-Shopify-Webhook-Id"] = Guid.NewGuid().ToString(),
                    ["X-Shopify-Event-Id"] = Guid.NewGuid().ToString(),
                    ["X-Shopify-Triggered-At"] = DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture),
                };
                return Task.FromResult(new AbuseDelivery(body, headers, "shopify", "shopify", client => OrderExistsAsync(client, "shopify", orderId)));
            },
            (request, body, secret, _) => request.Headers.Add("X-Shopify-Hmac-Sha256", ShopifyWebhook.Sign(body, secret))),
        new(
            "amazon",
            "/api/webhooks/amazon",
            FabricHost.AmazonApiKey,
            "test-only-amazon-api-key-previous",
            "Channels__Amazon__PreviousApiKey",
            SignsBody: false,
            SignsTimestamp: false,
            async fabric =>
            {
                var (orderId, _, body) = AmazonNotification.NewOrder();
                // Ingestion fetches the order from SP-API: seeded, so that a wrongly admitted notification would show.
                await AmazonNotification.SeedAsync(fabric.Simulators.Client, orderId);
                return new AbuseDelivery(body, NoHeaders, "amazon", "amazon", client => OrderExistsAsync(client, "amazon", orderId));
            },
            (request, _, key, _) => request.Headers.Add("X-Api-Key", key)),
        new(
            "walmart",
            WalmartWebhook.Path,
            FabricHost.WalmartSecret,
            "test-only-walmart-secret-previous",
            "Channels__Walmart__PreviousWebhookSecret",
            SignsBody: true,
            SignsTimestamp: true,
            _ =>
            {
                var (purchaseOrderId, _, body) = WalmartWebhook.NewOrder();
                return Task.FromResult(new AbuseDelivery(body, NoHeaders, "walmart", "walmart", client => OrderExistsAsync(client, "walmart", purchaseOrderId)));
            },
            (request, body, secret, at) =>
            {
                request.Headers.TryAddWithoutValidation("WM_SEC.TIMESTAMP", at.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture));
                request.Headers.TryAddWithoutValidation("WM_SEC.SIGNATURE", WalmartWebhook.Sign(body, at, secret));
            }),
        new(
            "pos",
            "/api/webhooks/pos",
            FabricHost.PosSecret,
            "test-only-pos-secret-previous",
            "Channels__Pos__PreviousWebhookSecret",
            SignsBody: true,
            SignsTimestamp: true,
            _ =>
            {
                var (orderId, body) = PosSale.NewSale();
                return Task.FromResult(new AbuseDelivery(body, NoHeaders, "pos", "pos", client => OrderExistsAsync(client, "pos", orderId)));
            },
            RetailSigned),
        new(
            "shipments-wms",
            "/api/callbacks/shipments/wms",
            FabricHost.WmsSecret,
            "test-only-wms-secret-previous",
            "Shipments__Sources__wms__PreviousSecret",
            SignsBody: true,
            SignsTimestamp: true,
            _ =>
            {
                // A callback for an order the fabric does not know is parked: the effect to look for downstream.
                var orderId = Random.Shared.NextInt64(1_000_000_000_000, 9_999_999_999_999).ToString(CultureInfo.InvariantCulture);
                var callback = JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Samples", "Shipments", "wms-shipment.json")))!.AsObject();
                callback["shipmentId"] = $"SHP-{Guid.NewGuid():N}";
                callback["orderRef"]!["channelOrderId"] = orderId;
                var body = Encoding.UTF8.GetBytes(callback.ToJsonString());
                return Task.FromResult(new AbuseDelivery(body, NoHeaders, "shipments-wms", "shipments-wms", client => IsParkedAsync(client, "shopify", orderId)));
            },
            RetailSigned),
        new(
            "inventory-adjustments",
            "/api/inventory/adjustments",
            FabricHost.InventorySecret,
            "test-only-inventory-secret-previous",
            "Inventory__PreviousAdjustmentsSecret",
            SignsBody: true,
            SignsTimestamp: true,
            _ =>
            {
                var sku = InventoryAdjustment.NewSku();
                var body = InventoryAdjustment.Body("erp", InventoryAdjustment.NewSequence(), InventoryAdjustment.Count(sku, "DC1", 7));
                return Task.FromResult(new AbuseDelivery(body, NoHeaders, "inventory-erp", ArchiveFolder: null, client => ExistsAsync(client, $"api/inventory/{sku}")));
            },
            RetailSigned),
        new(
            "catalog-changes",
            "/api/catalog/changes",
            FabricHost.CatalogSecret,
            "test-only-catalog-secret-previous",
            "Catalog__PreviousChangesSecret",
            SignsBody: true,
            SignsTimestamp: true,
            _ =>
            {
                var sku = InventoryAdjustment.NewSku();
                var body = Encoding.UTF8.GetBytes(
                    $$"""{"source":"erp","changeId":"{{Guid.NewGuid():N}}","items":[{"sku":"{{sku}}","version":1,"title":"Abuse test item","price":12.50,"currency":"USD"}]}""");
                return Task.FromResult(new AbuseDelivery(body, NoHeaders, "catalog-erp", ArchiveFolder: null, client => ExistsAsync(client, $"api/catalog/{sku}")));
            },
            RetailSigned),
    ];

    public static SignedEndpoint Named(string name) => All.Single(e => e.Name == name);

    private static void RetailSigned(HttpRequestMessage request, byte[] body, string secret, DateTimeOffset at) =>
        request.Headers.Add(RetailSignature.HeaderName, RetailSignature.Create(body, secret, at));

    private static Task<bool> OrderExistsAsync(HttpClient client, string channel, string orderId) => ExistsAsync(client, $"api/orders/{channel}/{orderId}");

    private static async Task<bool> ExistsAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path);
        return response.StatusCode == HttpStatusCode.OK;
    }

    private static async Task<bool> IsParkedAsync(HttpClient client, string channel, string orderId) =>
        (await new FabricOrders(client).ParkedAsync(channel, orderId)).Count > 0;
}
