using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using RetailFunctions.IntegrationTests.Fabric;
using RetailFunctions.IntegrationTests.Hosting;

namespace RetailFunctions.IntegrationTests.Recovery;

/// <summary>
/// Missed-webhook recovery through the local fabric host: the simulated channels create orders and "lose" a share of
/// their webhooks; the per-channel pollers find the lost orders through the channels' order APIs and take them through
/// the webhook's own ingestion, so every order completes exactly once, and the lost webhooks arriving late change nothing.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class MissedWebhookRecoveryTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private FabricHost _fabric = null!;
    private FabricOrders _orders = null!;
    private SimulatorInbox _inbox = null!;

    public async Task InitializeAsync()
    {
        _fabric = await FabricHost.StartAsync(azurite, new Dictionary<string, string>
        {
            ["Inventory__SeedSampleCatalogue"] = "true",
            ["Recovery__PollInterval"] = "00:00:02",
            // Long enough for a delivered webhook to reach the ledger first, so only lost ones count as recovered.
            ["Recovery__Grace"] = "00:00:04",
            ["Recovery__QuietPeriod"] = "00:00:03",
        });
        _orders = new FabricOrders(_fabric.Client);
        _inbox = new SimulatorInbox(_fabric.Simulators.Client);
    }

    public async Task DisposeAsync() => await _fabric.DisposeAsync();

    [Fact]
    public async Task ShopifyOrders_halfTheirWebhooksLost_allCompleteOnceAndLateWebhooksChangeNothing()
    {
        // Arrange
        var started = DateTimeOffset.UtcNow;
        var recoveredBefore = await RecoveredAsync("shopify");
        await PutAsync("_sim/webhooks/shopify", new JsonObject { ["lossShare"] = 0.5 });
        var orderIds = new List<string>();

        // Act
        for (var i = 0; i < 4; i++)
        {
            var (orderId, body) = ShopifyWebhook.NewOrder();
            await PostAsync("_sim/shopify/orders?webhook=true", JsonNode.Parse(body)!);
            orderIds.Add(orderId);
        }

        // Assert
        var deliveries = await _fabric.Simulators.Client.GetFromJsonAsync<List<JsonElement>>("_sim/webhooks/shopify");
        Assert.Equal(2, deliveries!.Count(d => d.GetProperty("lost").GetBoolean()));
        Assert.All(deliveries!.Where(d => !d.GetProperty("lost").GetBoolean()), d => Assert.Equal(202, d.GetProperty("status").GetInt32()));
        foreach (var orderId in orderIds)
        {
            await _orders.WaitForStatusAsync("shopify", orderId, "Completed");
        }

        // Both lost orders were recovered; on a loaded machine a delivered webhook still queued past the grace period
        // may be admitted a second time and counted too (ingestion makes that harmless, as the checks below show).
        Assert.InRange(await RecoveredAsync("shopify") - recoveredBefore, 2, 4);
        Assert.True((await WatchAsync("shopify")).GetProperty("lastWebhookAt").GetDateTimeOffset() >= started.AddSeconds(-1), "the delivered webhooks count as the channel's sign of life");

        // Act: the lost webhooks arrive after all.
        var late = await (await _fabric.Simulators.Client.PostAsync("_sim/webhooks/shopify/redeliver-lost", null)).Content.ReadFromJsonAsync<List<JsonElement>>();
        Assert.Equal(2, late!.Count);
        Assert.All(late, d => Assert.Equal(202, d.GetProperty("status").GetInt32()));
        await Task.Delay(TimeSpan.FromSeconds(4));

        // Assert: one ERP order, one WMS request, one invoice per order, however many ways it came in.
        foreach (var orderId in orderIds)
        {
            Assert.Single(await _inbox.ErpOrdersForAsync($"order-shopify-{orderId}"));
            Assert.Single(await _inbox.ErpInvoicesForAsync($"order-shopify-{orderId}"));
            Assert.Single(await _inbox.WmsRequestsForAsync(orderId));
        }
    }

    [Fact]
    public async Task AmazonAndWalmartOrders_everyWebhookLost_arePolledInAndComplete()
    {
        // Arrange: getOrders allows one call a minute; give the test's fast poller room without changing the burst.
        await PutAsync("_sim/ratelimits/amazon/getOrders", new JsonObject { ["ratePerSecond"] = 2, ["burst"] = 20 });
        await PutAsync("_sim/webhooks/amazon", new JsonObject { ["lossShare"] = 1 });
        await PutAsync("_sim/webhooks/walmart", new JsonObject { ["lossShare"] = 1 });
        var (amazonOrderId, _, _) = AmazonNotification.NewOrder();
        var (purchaseOrderId, _, _) = WalmartWebhook.NewOrder();

        // Act
        await PostAsync("_sim/amazon/orders?webhook=true", new JsonObject
        {
            ["amazonOrderId"] = amazonOrderId,
            ["items"] = new JsonArray(new JsonObject { ["sku"] = "SKU-1042", ["quantity"] = 1, ["itemPrice"] = 49.00m, ["orderItemId"] = $"{amazonOrderId}-1" }),
        });
        await PostAsync("_sim/walmart/orders?webhook=true", new JsonObject
        {
            ["purchaseOrderId"] = purchaseOrderId,
            ["lines"] = new JsonArray(new JsonObject { ["sku"] = "SKU-2310", ["quantity"] = 2, ["unitPrice"] = 12.50m, ["lineNumber"] = "1" }),
        });

        // Assert
        await _orders.WaitForStatusAsync("amazon", amazonOrderId, "Completed");
        await _orders.WaitForStatusAsync("walmart", purchaseOrderId, "Completed");
        Assert.Single(await _inbox.ErpOrdersForAsync($"order-amazon-{amazonOrderId}"));
        Assert.Single(await _inbox.ErpOrdersForAsync($"order-walmart-{purchaseOrderId}"));
        foreach (var channel in new[] { "amazon", "walmart" })
        {
            var watch = await WatchAsync(channel);
            Assert.True(watch.GetProperty("recoveredOrders").GetInt64() >= 1);
            Assert.True(watch.GetProperty("watermark").GetDateTimeOffset() > DateTimeOffset.UtcNow.AddMinutes(-1));
        }

        // No webhook got through for longer than the quiet period: the channel is reported for the current quiet spell.
        var quiet = await WatchAsync("walmart");
        Assert.Equal(JsonValueKind.String, quiet.GetProperty("quietAlertAt").ValueKind);
        var lastSign = quiet.GetProperty("lastWebhookAt").ValueKind == JsonValueKind.String
            ? quiet.GetProperty("lastWebhookAt").GetDateTimeOffset()
            : quiet.GetProperty("watchingSince").GetDateTimeOffset();
        Assert.True(quiet.GetProperty("quietAlertAt").GetDateTimeOffset() >= lastSign);
        var events = await _fabric.Client.GetStringAsync("api/events/recent?limit=500");
        Assert.Contains(JsonDocument.Parse(events).RootElement.EnumerateArray(), e => e.ToString().Contains("channel.quiet", StringComparison.Ordinal) && e.ToString().Contains("walmart", StringComparison.Ordinal));
    }

    private async Task<JsonElement> WatchAsync(string channel)
    {
        var channels = await _fabric.Client.GetFromJsonAsync<List<JsonElement>>("api/recovery/channels");
        return channels!.Single(c => c.GetProperty("channel").GetString() == channel);
    }

    private async Task<long> RecoveredAsync(string channel)
    {
        var channels = await _fabric.Client.GetFromJsonAsync<List<JsonElement>>("api/recovery/channels");
        return channels!.FirstOrDefault(c => c.GetProperty("channel").GetString() == channel) is { ValueKind: JsonValueKind.Object } watch
            ? watch.GetProperty("recoveredOrders").GetInt64()
            : 0;
    }

    private async Task PutAsync(string path, JsonNode body)
    {
        using var response = await _fabric.Simulators.Client.PutAsJsonAsync(path, body);
        Assert.True(response.IsSuccessStatusCode, $"PUT {path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    private async Task PostAsync(string path, JsonNode body)
    {
        using var response = await _fabric.Simulators.Client.PostAsJsonAsync(path, body);
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"POST {path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }
}
