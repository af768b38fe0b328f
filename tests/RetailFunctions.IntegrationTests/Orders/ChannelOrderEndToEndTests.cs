using System.Net;
using RetailFunctions.IntegrationTests.Fabric;
using RetailFunctions.IntegrationTests.Hosting;

namespace RetailFunctions.IntegrationTests.Orders;

/// <summary>
/// Amazon, Walmart and POS orders through the local fabric host on Azurite and the simulators, each signed as its
/// channel signs it (DESIGN §3): webhook → 202 → ledger → OrderToCash → ERP sales order → (WMS, shipment, tracking at
/// the channel, ERP invoice) → Completed; and a delivery with a wrong signature or API key → 401 and no trace.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class ChannelOrderEndToEndTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private FabricHost _fabric = null!;
    private FabricOrders _orders = null!;
    private FabricStorage _storage = null!;
    private SimulatorInbox _inbox = null!;

    public async Task InitializeAsync()
    {
        _fabric = await FabricHost.StartAsync(azurite, new Dictionary<string, string> { ["Inventory__SeedSampleCatalogue"] = "true" });
        _orders = new FabricOrders(_fabric.Client);
        _storage = new FabricStorage(azurite);
        _inbox = new SimulatorInbox(_fabric.Simulators.Client);
    }

    public async Task DisposeAsync() => await _fabric.DisposeAsync();

    [Fact]
    public async Task AmazonNotification_forASeededOrder_completesWithOneErpOrderOneInvoiceAndTracking()
    {
        // Arrange
        var (orderId, _, body) = AmazonNotification.NewOrder();
        await AmazonNotification.SeedAsync(_fabric.Simulators.Client, orderId);

        // Act
        using var response = await _fabric.Client.SendAsync(AmazonNotification.Request(body));

        // Assert
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var order = await _orders.WaitForStatusAsync("amazon", orderId, "Completed");
        Assert.False(string.IsNullOrEmpty(order.GetProperty("erpOrderId").GetString()));
        Assert.NotEmpty(order.GetProperty("shipments").EnumerateArray());
        Assert.Single(await _inbox.ErpOrdersForAsync($"order-amazon-{orderId}"));
        Assert.Single(await _inbox.ErpInvoicesForAsync($"order-amazon-{orderId}"));
        Assert.Single(await _inbox.WmsRequestsForAsync(orderId));
        Assert.NotEmpty(await _inbox.ReceivedAsync("amazon", "tracking", orderId));
    }

    [Fact]
    public async Task AmazonNotification_withAWrongApiKey_is401AndLeavesNoTrace()
    {
        // Arrange: the order exists at Amazon, so only the key stands between the delivery and a ledger row.
        var (orderId, notificationId, body) = AmazonNotification.NewOrder();
        await AmazonNotification.SeedAsync(_fabric.Simulators.Client, orderId);

        // Act
        using var response = await _fabric.Client.SendAsync(AmazonNotification.Request(body, "not-the-relay-key"));

        // Assert
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        await AssertNoTraceAsync("amazon", notificationId, orderId);
    }

    [Fact]
    public async Task WalmartPoCreated_signedWithTheWalmartSecret_completesWithOneErpOrderOneInvoiceAndTracking()
    {
        // Arrange
        var (purchaseOrderId, _, body) = WalmartWebhook.NewOrder();
        await WalmartWebhook.SeedAsync(_fabric.Simulators.Client, purchaseOrderId);

        // Act
        using var response = await _fabric.Client.SendAsync(WalmartWebhook.Request(body));

        // Assert
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var order = await _orders.WaitForStatusAsync("walmart", purchaseOrderId, "Completed");
        Assert.False(string.IsNullOrEmpty(order.GetProperty("erpOrderId").GetString()));
        Assert.NotEmpty(order.GetProperty("shipments").EnumerateArray());
        Assert.Single(await _inbox.ErpOrdersForAsync($"order-walmart-{purchaseOrderId}"));
        Assert.Single(await _inbox.ErpInvoicesForAsync($"order-walmart-{purchaseOrderId}"));
        Assert.Single(await _inbox.WmsRequestsForAsync(purchaseOrderId));
        Assert.NotEmpty(await _inbox.ReceivedAsync("walmart", "tracking", purchaseOrderId));
    }

    [Fact]
    public async Task WalmartPoCreated_signedWithAnotherSecret_is401AndLeavesNoTrace()
    {
        // Arrange
        var (purchaseOrderId, eventId, body) = WalmartWebhook.NewOrder();

        // Act
        using var response = await _fabric.Client.SendAsync(WalmartWebhook.Request(body, "not-the-walmart-secret"));

        // Assert
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        await AssertNoTraceAsync("walmart", eventId, purchaseOrderId);
    }

    [Fact]
    public async Task PosSale_signedWithThePosSecret_completesWithOneErpOrderAndNoWmsRequestOrShipment()
    {
        // Arrange
        var (orderId, body) = PosSale.NewSale();

        // Act
        using var response = await _fabric.Client.SendAsync(PosSale.Request(body));

        // Assert
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var order = await _orders.WaitForStatusAsync("pos", orderId, "Completed");
        Assert.False(string.IsNullOrEmpty(order.GetProperty("erpOrderId").GetString()));
        Assert.Empty(order.GetProperty("shipments").EnumerateArray());
        Assert.Single(await _inbox.ErpOrdersForAsync($"order-pos-{orderId}"));
        Assert.Empty(await _inbox.WmsRequestsForAsync(orderId));
        Assert.Empty(await _inbox.WmsShipmentsForAsync(orderId));
    }

    [Fact]
    public async Task PosSale_signedWithAnotherSecret_is401AndLeavesNoTrace()
    {
        // Arrange
        var (orderId, body) = PosSale.NewSale();

        // Act
        using var response = await _fabric.Client.SendAsync(PosSale.Request(body, "not-the-pos-secret"));

        // Assert
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        await AssertNoTraceAsync("pos", orderId, orderId);
    }

    /// <summary>A refused delivery leaves no archived body, no receipt and no ledger row, even after ingestion had time to run.</summary>
    private async Task AssertNoTraceAsync(string channel, string eventId, string orderId)
    {
        await Task.Delay(TimeSpan.FromSeconds(3));
        Assert.Empty(await _storage.RawWebhookBlobsAsync(channel, eventId));
        Assert.False(await _storage.HasReceiptAsync(channel, eventId));
        Assert.False(await _storage.HasLedgerRowAsync(channel, orderId));
        Assert.Empty(await _inbox.ErpOrdersForAsync($"order-{channel}-{orderId}"));
    }
}
