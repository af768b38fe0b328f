using System.Net;
using System.Text.Json.Nodes;
using RetailFunctions.IntegrationTests.Fabric;
using RetailFunctions.IntegrationTests.Hosting;

namespace RetailFunctions.IntegrationTests.Shipments;

/// <summary>
/// 3PL and carrier callbacks through the local fabric host: the WMS does not ship on its own here, so every shipment an
/// order sees comes from the callbacks these tests send.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class ShipmentCallbackEndToEndTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private const string ThreePlSecret = "test-only-3pl-secret";
    private const string CarrierSecret = "test-only-carrier-secret";
    private FabricHost _fabric = null!;
    private FabricOrders _orders = null!;
    private SimulatorInbox _inbox = null!;

    public async Task InitializeAsync()
    {
        _fabric = await FabricHost.StartAsync(
            azurite,
            new Dictionary<string, string>
            {
                ["Inventory__SeedSampleCatalogue"] = "true",
                ["Shipments__Sources__3pl__Secret"] = ThreePlSecret,
                ["Shipments__Sources__carrier__Secret"] = CarrierSecret,
            },
            new Dictionary<string, string> { ["Simulators__Wms__AutoShip"] = "false" });
        _orders = new FabricOrders(_fabric.Client);
        _inbox = new SimulatorInbox(_fabric.Simulators.Client);
    }

    public async Task DisposeAsync() => await _fabric.DisposeAsync();

    /// <remarks>Needs the inventory and events implementations (OrderToCash reserves stock and publishes events).</remarks>
    [Fact]
    public async Task ThreePlCallback_twoPackagesCoveringTheOrder_completesItWithTrackingForEachParcel()
    {
        // Arrange
        var orderId = await PlaceOrderAsync();
        await _orders.WaitForStatusAsync("shopify", orderId, "AwaitingShipment");

        // Act
        using var response = await _fabric.Client.SendAsync(ThreePl(orderId, $"TPL-{orderId}"));

        // Assert
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var order = await _orders.WaitForStatusAsync("shopify", orderId, "Completed");
        var shipment = Assert.Single(order.GetProperty("shipments").EnumerateArray());
        Assert.Equal(2, shipment.GetProperty("packages").GetArrayLength());
        Assert.Equal(2, (await _inbox.ReceivedAsync("shopify", "tracking", orderId)).Count);
        Assert.Single(await _inbox.ErpInvoicesForAsync($"order-shopify-{orderId}"));
    }

    /// <remarks>Needs the inventory and events implementations for the order to reach Completed.</remarks>
    [Fact]
    public async Task ThreePlCallback_beforeItsOrder_isParkedAndMatchedOnceTheOrderArrives()
    {
        // Arrange
        var (orderId, body) = ShopifyWebhook.NewOrder();
        using var early = await _fabric.Client.SendAsync(ThreePl(orderId, $"TPL-{orderId}"));
        Assert.Equal(HttpStatusCode.Accepted, early.StatusCode);
        await Eventually.GetAsync(async () => (await _orders.ParkedAsync("shopify", orderId)).Count == 1, TimeSpan.FromSeconds(30), "the early callback to be parked");

        // Act
        using var placed = await _fabric.Client.SendAsync(ShopifyWebhook.Request(body, Guid.NewGuid().ToString()));

        // Assert
        var order = await _orders.WaitForStatusAsync("shopify", orderId, "Completed");
        Assert.Single(order.GetProperty("shipments").EnumerateArray());
        Assert.Empty(await _orders.ParkedAsync("shopify", orderId));
    }

    [Fact]
    public async Task ThreePlCallback_forAnOrderTheFabricDoesNotKnow_isParkedVisibly()
    {
        // Arrange
        var orderId = Random.Shared.NextInt64(1_000_000_000_000, 9_999_999_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);

        // Act
        using var response = await _fabric.Client.SendAsync(ThreePl(orderId, $"TPL-{orderId}"));

        // Assert
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var parked = Assert.Single(await Eventually.GetAsync(
            async () => await _orders.ParkedAsync("shopify", orderId) is { Count: > 0 } list ? list : null, TimeSpan.FromSeconds(30), "the callback to be parked"));
        Assert.Equal(("3pl", $"TPL-{orderId}", "shipment"), (parked.GetProperty("source").GetString(), parked.GetProperty("callbackId").GetString(), parked.GetProperty("kind").GetString()));
        Assert.Null(parked.GetProperty("flaggedAt").GetString());
    }

    [Fact]
    public async Task ThreePlCallback_sentTwice_secondIsADuplicateAndParkedOnce()
    {
        // Arrange
        var orderId = Random.Shared.NextInt64(1_000_000_000_000, 9_999_999_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var body = ThreePlBody(orderId, $"TPL-{orderId}");

        // Act
        using var first = await _fabric.Client.SendAsync(SignedCallback.Request("api/callbacks/shipments/3pl", body, ThreePlSecret));
        using var second = await _fabric.Client.SendAsync(SignedCallback.Request("api/callbacks/shipments/3pl", body, ThreePlSecret));

        // Assert
        Assert.Equal((HttpStatusCode.Accepted, HttpStatusCode.OK), (first.StatusCode, second.StatusCode));
        await Eventually.GetAsync(async () => (await _orders.ParkedAsync("shopify", orderId)).Count == 1, TimeSpan.FromSeconds(30), "the callback to be parked");
        await Task.Delay(TimeSpan.FromSeconds(2));
        Assert.Single(await _orders.ParkedAsync("shopify", orderId));
    }

    [Fact]
    public async Task CarrierStatus_inTransitArrivingAfterDelivered_leavesTheParcelDelivered()
    {
        // Arrange
        var orderId = await PlaceOrderAsync();
        await _orders.WaitForOrderAsync("shopify", orderId, _ => true, "to be in the ledger");
        var trackingNumber = $"1Z{orderId}";

        // Act
        using var delivered = await _fabric.Client.SendAsync(CarrierStatus(orderId, trackingNumber, "delivered", DateTimeOffset.UtcNow));
        using var late = await _fabric.Client.SendAsync(CarrierStatus(orderId, trackingNumber, "in_transit", DateTimeOffset.UtcNow.AddHours(-20)));

        // Assert
        Assert.Equal((HttpStatusCode.Accepted, HttpStatusCode.Accepted), (delivered.StatusCode, late.StatusCode));
        await Task.Delay(TimeSpan.FromSeconds(3));
        var order = await _orders.WaitForOrderAsync(
            "shopify", orderId, o => o.GetProperty("tracking").GetArrayLength() == 1, "to have its tracking status");
        Assert.Equal("Delivered", order.GetProperty("tracking")[0].GetProperty("status").GetString());
        Assert.NotEqual("Completed", order.GetProperty("status").GetString());
    }

    [Fact]
    public async Task ThreePlCallback_withoutPackages_isRefusedNamingTheField()
    {
        // Arrange
        var body = ThreePlBody("123", "TPL-bad");
        body["shipment"]!["packages"] = new JsonArray();

        // Act
        using var response = await _fabric.Client.SendAsync(SignedCallback.Request("api/callbacks/shipments/3pl", body, ThreePlSecret));

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("shipment.packages", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private async Task<string> PlaceOrderAsync()
    {
        var (orderId, body) = ShopifyWebhook.NewOrder();
        using var response = await _fabric.Client.SendAsync(ShopifyWebhook.Request(body, Guid.NewGuid().ToString()));
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        return orderId;
    }

    private static HttpRequestMessage ThreePl(string orderId, string shipmentId) =>
        SignedCallback.Request("api/callbacks/shipments/3pl", ThreePlBody(orderId, shipmentId), ThreePlSecret);

    /// <summary>The sample order's lines (2 × SKU-1042, 1 × SKU-2310) in two parcels.</summary>
    private static JsonObject ThreePlBody(string orderId, string shipmentId) => new()
    {
        ["topic"] = "order.shipped",
        ["event_id"] = Guid.NewGuid().ToString(),
        ["order"] = new JsonObject { ["channel"] = "shopify", ["channel_order_id"] = orderId },
        ["shipment"] = new JsonObject
        {
            ["id"] = shipmentId,
            ["shipped_at"] = DateTimeOffset.UtcNow.ToString("O"),
            ["packages"] = new JsonArray(
                Package("PKG-1", $"77{orderId}1", ("SKU-1042", 2)),
                Package("PKG-2", $"77{orderId}2", ("SKU-2310", 1))),
        },
    };

    private static JsonObject Package(string packageId, string trackingNumber, params (string Sku, int Quantity)[] items) => new()
    {
        ["package_id"] = packageId,
        ["carrier"] = "FedEx",
        ["tracking_number"] = trackingNumber,
        ["items"] = new JsonArray(items.Select(i => (JsonNode?)new JsonObject { ["sku"] = i.Sku, ["quantity"] = i.Quantity }).ToArray()),
    };

    private static HttpRequestMessage CarrierStatus(string orderId, string trackingNumber, string status, DateTimeOffset occurredAt) =>
        SignedCallback.Request(
            "api/callbacks/shipments/carrier",
            new JsonObject
            {
                ["event_id"] = Guid.NewGuid().ToString(),
                ["event_type"] = "tracking.updated",
                ["occurred_at"] = occurredAt.ToString("O"),
                ["carrier"] = new JsonObject { ["code"] = "UPS" },
                ["tracking_number"] = trackingNumber,
                ["shipper_reference"] = new JsonObject { ["channel"] = "shopify", ["order_id"] = orderId },
                ["status"] = new JsonObject { ["code"] = status },
            },
            CarrierSecret);
}
