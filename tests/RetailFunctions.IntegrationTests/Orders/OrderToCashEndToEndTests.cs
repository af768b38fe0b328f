using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using RetailFunctions.IntegrationTests.Fabric;
using RetailFunctions.IntegrationTests.Hosting;

namespace RetailFunctions.IntegrationTests.Orders;

/// <summary>
/// Order to cash through the local fabric host on Azurite and the simulators: webhook → ledger → OrderToCash →
/// ERP sales order → WMS (which ships by signed callback) → tracking → ERP invoice → Completed.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class OrderToCashEndToEndTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private FabricHost _fabric = null!;
    private SimulatorInbox _inbox = null!;

    public async Task InitializeAsync()
    {
        _fabric = await FabricHost.StartAsync(azurite, new Dictionary<string, string> { ["Inventory__SeedSampleCatalogue"] = "true" });
        _inbox = new SimulatorInbox(_fabric.Simulators.Client);
    }

    public async Task DisposeAsync() => await _fabric.DisposeAsync();

    [Fact]
    public async Task Shopify_order_reaches_Completed_with_one_erp_order_one_invoice_and_tracking()
    {
        var (orderId, body) = ShopifyWebhook.NewOrder();

        using var response = await _fabric.Client.SendAsync(ShopifyWebhook.Request(body, Guid.NewGuid().ToString()));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var order = await WaitForStatusAsync("shopify", orderId, "Completed");
        Assert.False(string.IsNullOrEmpty(order.GetProperty("erpOrderId").GetString()));
        Assert.NotEmpty(order.GetProperty("shipments").EnumerateArray());
        Assert.Single(await _inbox.ErpOrdersForAsync($"order-shopify-{orderId}"));
        Assert.Single(await _inbox.ErpInvoicesForAsync($"order-shopify-{orderId}"));
        Assert.NotEmpty(await _inbox.ReceivedAsync("shopify", "tracking", orderId));
    }

    [Fact]
    public async Task Same_order_delivered_ten_times_concurrently_creates_one_erp_order()
    {
        var (orderId, body) = ShopifyWebhook.NewOrder();

        var responses = await Task.WhenAll(Enumerable.Range(0, 10)
            .Select(_ => _fabric.Client.SendAsync(ShopifyWebhook.Request(body, Guid.NewGuid().ToString()))));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Accepted, r.StatusCode));
        await WaitForStatusAsync("shopify", orderId, "Completed");
        Assert.Single(await _inbox.ErpOrdersForAsync($"order-shopify-{orderId}"));
        Assert.Single(await _inbox.ErpInvoicesForAsync($"order-shopify-{orderId}"));
    }

    /// <summary>One trace from webhook to ERP: through the queue envelope, the ingestion, the orchestration and its activity.</summary>
    [Fact]
    public async Task Webhook_traceparent_reaches_the_erp_sales_order_call()
    {
        var traceId = Convert.ToHexStringLower(Guid.NewGuid().ToByteArray());
        var (orderId, body) = ShopifyWebhook.NewOrder();
        using var request = ShopifyWebhook.Request(body, Guid.NewGuid().ToString());
        request.Headers.Add("traceparent", $"00-{traceId}-{Convert.ToHexStringLower(Guid.NewGuid().ToByteArray()[..8])}-01");

        using var response = await _fabric.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        await WaitForStatusAsync("shopify", orderId, "Completed");
        var traceParent = Assert.Single(await _inbox.ErpOrdersForAsync($"order-shopify-{orderId}")).GetProperty("traceParent").GetString();
        Assert.NotNull(traceParent);
        Assert.Equal(traceId, traceParent.Split('-')[1]);
    }

    private async Task<JsonElement> WaitForStatusAsync(string channel, string orderId, string status)
    {
        var holder = await Eventually.GetAsync(
            async () =>
            {
                using var response = await _fabric.Client.GetAsync($"api/orders/{channel}/{orderId}");
                if (response.StatusCode != HttpStatusCode.OK)
                {
                    return null;
                }

                var order = await response.Content.ReadFromJsonAsync<JsonElement>();
                return order.GetProperty("status").GetString() == status ? new Holder(order) : null;
            },
            TimeSpan.FromSeconds(60),
            $"{channel} order {orderId} to reach {status}");
        return holder.Value;
    }

    private sealed record Holder(JsonElement Value);
}
