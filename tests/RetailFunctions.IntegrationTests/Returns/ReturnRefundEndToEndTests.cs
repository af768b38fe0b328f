using System.Net;
using System.Text.Json.Nodes;
using RetailFunctions.IntegrationTests.Fabric;
using RetailFunctions.IntegrationTests.Hosting;

namespace RetailFunctions.IntegrationTests.Returns;

/// <summary>
/// Returns through the local fabric host: a completed Shopify order (shipped by the simulated WMS) is returned through
/// Shopify or in a store, and the return is credited in the ERP and refunded through Shopify exactly once.
/// </summary>
/// <remarks>Every test needs a Completed order, so all of them need the inventory and events implementations (and
/// the inventory context's <c>IStockReturns</c> for the restock step).</remarks>
[Collection(AzuriteCollection.Name)]
public sealed class ReturnRefundEndToEndTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private FabricHost _fabric = null!;
    private FabricOrders _orders = null!;
    private SimulatorInbox _inbox = null!;

    public async Task InitializeAsync()
    {
        _fabric = await FabricHost.StartAsync(azurite, new Dictionary<string, string> { ["Inventory__SeedSampleCatalogue"] = "true" });
        _orders = new FabricOrders(_fabric.Client);
        _inbox = new SimulatorInbox(_fabric.Simulators.Client);
    }

    public async Task DisposeAsync() => await _fabric.DisposeAsync();

    [Fact]
    public async Task ShopifyRefund_forACompletedOrderDeliveredTwice_oneCreditMemoAndOneRefundConfirmation()
    {
        // Arrange
        var orderId = await CompletedOrderAsync();
        var refundId = Random.Shared.NextInt64(100_000_000, 999_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var refund = ShopifyRefund(refundId, orderId, ("SKU-1042", 1));

        // Act
        using var first = await _fabric.Client.SendAsync(ShopifyWebhook.Request(refund, Guid.NewGuid().ToString(), "refunds/create"));
        using var second = await _fabric.Client.SendAsync(ShopifyWebhook.Request(refund, Guid.NewGuid().ToString(), "refunds/create"));

        // Assert
        Assert.Equal((HttpStatusCode.Accepted, HttpStatusCode.Accepted), (first.StatusCode, second.StatusCode));
        var refunded = await _orders.WaitForReturnAsync("shopify", refundId, "Refunded");
        Assert.Equal(("shopify", orderId), (refunded.GetProperty("orderChannel").GetString(), refunded.GetProperty("channelOrderId").GetString()));
        await Task.Delay(TimeSpan.FromSeconds(3));
        Assert.Single(await _inbox.ErpCreditMemosForAsync($"return-shopify-{refundId}"));
        var confirmation = Assert.Single(await _inbox.ReceivedAsync("shopify", "refunds", orderId));
        Assert.Equal(0m, confirmation.GetProperty("amount").GetDecimal());
    }

    [Fact]
    public async Task StoreReturn_ofAWebOrder_isRefundedThroughTheWebChannel()
    {
        // Arrange
        var orderId = await CompletedOrderAsync();
        var transactionId = $"R01-{Random.Shared.Next(100_000, 999_999)}";

        // Act
        using var response = await _fabric.Client.SendAsync(PosReturn.Request(transactionId, "shopify", orderId, ("SKU-1042", 1)));

        // Assert
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var refunded = await _orders.WaitForReturnAsync("pos", $"STORE-001-{transactionId}", "Refunded");
        Assert.Equal("shopify", refunded.GetProperty("orderChannel").GetString());
        Assert.Single(await _inbox.ErpCreditMemosForAsync($"return-pos-STORE-001-{transactionId}"));
        var confirmation = Assert.Single(await _inbox.ReceivedAsync("shopify", "refunds", orderId));
        Assert.True(confirmation.GetProperty("amount").GetDecimal() > 0m);
        var order = await _orders.WaitForOrderAsync("shopify", orderId, o => o.GetProperty("returns").GetArrayLength() == 1, "to show the return");
        Assert.Equal("Completed", order.GetProperty("status").GetString());
    }

    [Fact]
    public async Task StoreReturn_ofMoreThanWasShipped_isRejectedWithTheReason()
    {
        // Arrange
        var orderId = await CompletedOrderAsync();
        var transactionId = $"R01-{Random.Shared.Next(100_000, 999_999)}";

        // Act
        using var response = await _fabric.Client.SendAsync(PosReturn.Request(transactionId, "shopify", orderId, ("SKU-1042", 3)));

        // Assert
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var rejected = await _orders.WaitForReturnAsync("pos", $"STORE-001-{transactionId}", "Rejected");
        Assert.Contains("2 shipped", rejected.GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.Empty(await _inbox.ErpCreditMemosForAsync($"return-pos-STORE-001-{transactionId}"));
        Assert.Empty(await _inbox.ReceivedAsync("shopify", "refunds", orderId));
    }

    private async Task<string> CompletedOrderAsync()
    {
        var (orderId, body) = ShopifyWebhook.NewOrder();
        using var response = await _fabric.Client.SendAsync(ShopifyWebhook.Request(body, Guid.NewGuid().ToString()));
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        await _orders.WaitForStatusAsync("shopify", orderId, "Completed");
        return orderId;
    }

    private static byte[] ShopifyRefund(string refundId, string orderId, params (string Sku, int Quantity)[] lines) =>
        System.Text.Encoding.UTF8.GetBytes(new JsonObject
        {
            ["id"] = long.Parse(refundId, System.Globalization.CultureInfo.InvariantCulture),
            ["order_id"] = long.Parse(orderId, System.Globalization.CultureInfo.InvariantCulture),
            ["created_at"] = DateTimeOffset.UtcNow.ToString("O"),
            ["restock"] = true,
            ["refund_line_items"] = new JsonArray(lines.Select(l => (JsonNode?)new JsonObject
            {
                ["quantity"] = l.Quantity,
                ["restock_type"] = "return",
                ["line_item"] = new JsonObject { ["sku"] = l.Sku },
            }).ToArray()),
            ["transactions"] = new JsonArray(),
        }.ToJsonString());
}
