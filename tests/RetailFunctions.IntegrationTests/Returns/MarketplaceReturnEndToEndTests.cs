using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using RetailFunctions.IntegrationTests.Fabric;
using RetailFunctions.IntegrationTests.Hosting;

namespace RetailFunctions.IntegrationTests.Returns;

/// <summary>
/// Marketplace returns through the local fabric host: a Walmart order returned through a Walmart return event, and an
/// Amazon order returned in a store. Each is credited in the ERP once and refunded through the marketplace of the sale.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class MarketplaceReturnEndToEndTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private static readonly string[] ChannelSimulators = ["shopify", "amazon", "walmart"];

    private FabricHost _fabric = null!;
    private FabricOrders _orders = null!;
    private SimulatorInbox _inbox = null!;

    public async Task InitializeAsync()
    {
        _fabric = await FabricHost.StartAsync(azurite, new Dictionary<string, string>
        {
            ["Inventory__SeedSampleCatalogue"] = "true",
            ["Returns__UnmatchedRetryInterval"] = "00:00:01",
            ["Returns__UnmatchedRetryMaxInterval"] = "00:00:02",
        });
        _orders = new FabricOrders(_fabric.Client);
        _inbox = new SimulatorInbox(_fabric.Simulators.Client);
    }

    public async Task DisposeAsync() => await _fabric.DisposeAsync();

    [Fact]
    public async Task WalmartReturnEvent_forAShippedOrderDeliveredTwice_oneCreditMemoAndOneWalmartRefund()
    {
        // Arrange
        var (purchaseOrderId, _, order) = WalmartWebhook.NewOrder();
        await WalmartWebhook.SeedAsync(_fabric.Simulators.Client, purchaseOrderId);
        using (var placed = await _fabric.Client.SendAsync(WalmartWebhook.Request(order)))
        {
            Assert.Equal(HttpStatusCode.Accepted, placed.StatusCode);
        }

        await _orders.WaitForStatusAsync("walmart", purchaseOrderId, "Completed");
        var returnOrderId = Random.Shared.NextInt64(10_000_000_000, 99_999_999_999).ToString(CultureInfo.InvariantCulture);

        // Act: Walmart redelivers the same return under a new event id.
        using var first = await _fabric.Client.SendAsync(WalmartWebhook.Request(WalmartReturn(returnOrderId, purchaseOrderId, "SKU-2310", 1)));
        using var second = await _fabric.Client.SendAsync(WalmartWebhook.Request(WalmartReturn(returnOrderId, purchaseOrderId, "SKU-2310", 1)));

        // Assert
        Assert.Equal((HttpStatusCode.Accepted, HttpStatusCode.Accepted), (first.StatusCode, second.StatusCode));
        var refunded = await _orders.WaitForReturnAsync("walmart", returnOrderId, "Refunded");
        Assert.Equal(("walmart", purchaseOrderId), (refunded.GetProperty("orderChannel").GetString(), refunded.GetProperty("channelOrderId").GetString()));
        await Task.Delay(TimeSpan.FromSeconds(2));
        Assert.Single(await _inbox.ErpCreditMemosForAsync($"return-walmart-{returnOrderId}"));
        var refund = Assert.Single(await _inbox.ReceivedAsync("walmart", "refunds", purchaseOrderId));
        Assert.Equal(refunded.GetProperty("refundAmount").GetDecimal(), refund.GetProperty("amount").GetDecimal());
        Assert.True(refund.GetProperty("amount").GetDecimal() > 0m);
        Assert.Equal(("SKU-2310", 1), Line(Assert.Single(refund.GetProperty("lines").EnumerateArray())));
        var returned = await _orders.WaitForOrderAsync("walmart", purchaseOrderId, o => o.GetProperty("returns").GetArrayLength() == 1, "to show the return");
        Assert.Equal("Completed", returned.GetProperty("status").GetString());
    }

    [Fact]
    public async Task StoreReturn_ofAnAmazonOrder_stockBackOnEveryChannelOneCreditMemoAndRefundedThroughAmazon()
    {
        // Arrange: a SKU no other test touches, so its stock and channel pushes are this test's alone.
        var sku = string.Create(CultureInfo.InvariantCulture, $"SKU-{Random.Shared.Next(3000, 4000)}");
        var orderId = await CompletedAmazonOrderAsync(sku, 2);
        var transactionId = $"R01-{Random.Shared.Next(100_000, 999_999)}";
        var before = await InventoryAsync(sku);

        // Act
        using var response = await _fabric.Client.SendAsync(PosReturn.Request(transactionId, "amazon", orderId, (sku, 1)));

        // Assert
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var refunded = await _orders.WaitForReturnAsync("pos", $"STORE-001-{transactionId}", "Refunded");
        Assert.Equal(("amazon", orderId), (refunded.GetProperty("orderChannel").GetString(), refunded.GetProperty("channelOrderId").GetString()));
        Assert.Single(await _inbox.ErpCreditMemosForAsync($"return-pos-STORE-001-{transactionId}"));
        var refund = Assert.Single(await _inbox.ReceivedAsync("amazon", "refunds", orderId));
        Assert.Equal(refunded.GetProperty("refundAmount").GetDecimal(), refund.GetProperty("amount").GetDecimal());
        Assert.Equal((sku, 1), Line(Assert.Single(refund.GetProperty("lines").EnumerateArray())));

        var after = await InventoryAsync(sku);
        Assert.Equal(OnHandAt(before, "STORE-001") + 1, OnHandAt(after, "STORE-001"));
        await Eventually.GetAsync(
            async () => await EveryChannelShowsAsync(sku) ? "pushed" : null,
            TimeSpan.FromSeconds(60),
            $"every channel simulator to receive the restocked {sku}");
    }

    [Fact]
    public async Task AmazonReturnNotification_forMoreThanWasShipped_isRejectedWithTheReasonAndNothingMoves()
    {
        // Arrange
        var sku = string.Create(CultureInfo.InvariantCulture, $"SKU-{Random.Shared.Next(3000, 4000)}");
        var orderId = await CompletedAmazonOrderAsync(sku, 1);
        var rmaId = $"Dk{Guid.NewGuid():N}"[..14];

        // Act
        using var response = await _fabric.Client.SendAsync(AmazonNotification.Request(AmazonReturn(rmaId, orderId, sku, 2)));

        // Assert
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var rejected = await _orders.WaitForReturnAsync("amazon", rmaId, "Rejected");
        Assert.Contains("1 shipped", rejected.GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.Empty(await _inbox.ErpCreditMemosForAsync($"return-amazon-{rmaId}"));
        Assert.Empty(await _inbox.ReceivedAsync("amazon", "refunds", orderId));
    }

    [Fact]
    public async Task StoreReturn_beforeItsAmazonOrderArrives_isParkedWithTheReasonThenRefundedOnceTheOrderCompletes()
    {
        // Arrange
        var sku = string.Create(CultureInfo.InvariantCulture, $"SKU-{Random.Shared.Next(3000, 4000)}");
        var (orderId, _, _) = AmazonNotification.NewOrder();
        var transactionId = $"R01-{Random.Shared.Next(100_000, 999_999)}";

        // Act
        using var response = await _fabric.Client.SendAsync(PosReturn.Request(transactionId, "amazon", orderId, (sku, 1)));
        var parked = await _orders.WaitForReturnAsync("pos", $"STORE-001-{transactionId}", "Parked");
        await CompletedAmazonOrderAsync(sku, 1, orderId);

        // Assert
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Contains($"amazon/{orderId} is not in the ledger yet", parked.GetProperty("reason").GetString(), StringComparison.Ordinal);
        var refunded = await _orders.WaitForReturnAsync("pos", $"STORE-001-{transactionId}", "Refunded");
        Assert.Equal(orderId, refunded.GetProperty("channelOrderId").GetString());
        Assert.Single(await _inbox.ErpCreditMemosForAsync($"return-pos-STORE-001-{transactionId}"));
        Assert.Single(await _inbox.ReceivedAsync("amazon", "refunds", orderId));
    }

    private async Task<string> CompletedAmazonOrderAsync(string sku, int quantity, string? amazonOrderId = null)
    {
        var (newOrderId, _, newBody) = AmazonNotification.NewOrder();
        var orderId = amazonOrderId ?? newOrderId;
        var notification = JsonNode.Parse(newBody)!;
        notification["Payload"]!["OrderChangeNotification"]!["AmazonOrderId"] = orderId;
        var body = Encoding.UTF8.GetBytes(notification.ToJsonString());
        var seed = new JsonObject
        {
            ["amazonOrderId"] = orderId,
            ["items"] = new JsonArray(new JsonObject { ["sku"] = sku, ["quantity"] = quantity, ["itemPrice"] = 24.50m * quantity, ["itemTax"] = 2.02m * quantity, ["orderItemId"] = $"{orderId}-1" }),
        };
        using (var seeded = await _fabric.Simulators.Client.PostAsJsonAsync("_sim/amazon/orders", seed))
        {
            Assert.True(seeded.IsSuccessStatusCode, await seeded.Content.ReadAsStringAsync());
        }

        using var response = await _fabric.Client.SendAsync(AmazonNotification.Request(body));
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        await _orders.WaitForStatusAsync("amazon", orderId, "Completed");
        return orderId;
    }

    private async Task<JsonElement> InventoryAsync(string sku) => await _fabric.Client.GetFromJsonAsync<JsonElement>($"api/inventory/{sku}");

    private async Task<bool> EveryChannelShowsAsync(string sku)
    {
        var channels = (await InventoryAsync(sku)).GetProperty("channels").EnumerateArray()
            .ToDictionary(c => c.GetProperty("channel").GetString()!, c => c.GetProperty("availableToSell").GetInt32());
        foreach (var channel in ChannelSimulators)
        {
            var pushed = (await _fabric.Simulators.Client.GetFromJsonAsync<List<JsonElement>>($"_sim/{channel}/inventory") ?? [])
                .Where(v => v.GetProperty("sku").GetString() == sku).ToList();
            if (pushed.Count == 0 || !channels.TryGetValue(channel, out var available) || pushed.Max(v => v.GetProperty("quantity").GetInt32()) != available)
            {
                return false;
            }
        }

        return true;
    }

    private static int OnHandAt(JsonElement inventory, string location) =>
        inventory.GetProperty("locations").EnumerateArray().Where(l => l.GetProperty("location").GetString() == location).Sum(l => l.GetProperty("onHand").GetInt32());

    private static (string?, int) Line(JsonElement line) => (line.GetProperty("sku").GetString(), line.GetProperty("quantity").GetInt32());

    private static byte[] WalmartReturn(string returnOrderId, string purchaseOrderId, string sku, int quantity)
    {
        var delivery = JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Samples", "Walmart", "return-created.json")))!.AsObject();
        delivery["source"]!["eventId"] = Guid.NewGuid().ToString();
        delivery["source"]!["eventTime"] = DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture);
        var payload = delivery["payload"]!;
        payload["returnOrderId"] = returnOrderId;
        payload["returnOrderDate"] = DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture);
        var line = payload["returnOrderLines"]![0]!;
        line["purchaseOrderId"] = purchaseOrderId;
        line["sellerOrderId"] = purchaseOrderId;
        line["item"]!["sku"] = sku;
        line["quantity"]!["measurementValue"] = quantity;
        return Encoding.UTF8.GetBytes(delivery.ToJsonString());
    }

    private static byte[] AmazonReturn(string rmaId, string orderId, string sku, int quantity)
    {
        var notification = JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Samples", "Amazon", "return-created-notification.json")))!.AsObject();
        notification["NotificationMetadata"]!["NotificationId"] = Guid.NewGuid().ToString();
        var details = notification["Payload"]!["ReturnDetails"]!;
        details["amazon_rma_id"] = rmaId;
        details["order_id"] = orderId;
        details["return_request_date"] = DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture);
        details["item_details"]![0]!["merchant_sku"] = sku;
        details["item_details"]![0]!["return_quantity"] = quantity;
        return Encoding.UTF8.GetBytes(notification.ToJsonString());
    }
}
