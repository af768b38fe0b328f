using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using RetailFunctions.Core.BackOffice;
using RetailFunctions.Simulators.Tests.Hosting;

namespace RetailFunctions.Simulators.Tests.Channels;

public sealed class ChannelOrderApiTests : IAsyncLifetime
{
    private const string PurchaseOrderId = "1796277083022";

    private SimulatorHost _sim = null!;

    public async Task InitializeAsync()
    {
        _sim = await SimulatorHost.StartAsync();
        using var seeded = await _sim.Control.PostAsJsonAsync("/_sim/walmart/orders", new
        {
            purchaseOrderId = PurchaseOrderId,
            lines = new object[]
            {
                new { sku = "SKU-1500", quantity = 1, unitPrice = 19.99m },
                new { sku = "SKU-1500", quantity = 1, unitPrice = 19.99m },
                new { sku = "SKU-2001", quantity = 1, unitPrice = 45.00m },
            },
        });
        seeded.EnsureSuccessStatusCode();
    }

    public async Task DisposeAsync() => await _sim.DisposeAsync();

    [Fact]
    public void AddBackOfficeClients_registersOneOrderApiPerChannel()
    {
        // Act
        var channels = _sim.Clients.GetServices<IChannelOrderApi>().Select(c => c.Channel).Order().ToArray();

        // Assert
        Assert.Equal(["amazon", "shopify", "walmart"], channels);
    }

    [Fact]
    public async Task ShopifyPushTrackingAsync_shipment_createsFulfilmentWithTracking()
    {
        // Arrange
        var shopify = Channel("shopify");
        var tracking = new TrackingUpdate("UPS", "1Z999AA10123456784", "https://www.ups.com/track?tracknum=1Z999AA10123456784", DateTimeOffset.UtcNow, [new FulfilmentLine("SKU-1500", 2)]);

        // Act
        await shopify.PushTrackingAsync("5551234567890", tracking, "shipment-1", CancellationToken.None);

        // Assert
        var pushed = Assert.Single((await _sim.GetJsonAsync("/_sim/shopify/tracking")).AsArray())!;
        Assert.Equal("5551234567890", pushed["orderId"]!.GetValue<string>());
        Assert.Equal("UPS", pushed["carrier"]!.GetValue<string>());
        Assert.Equal(2, pushed["lines"]![0]!["quantity"]!.GetValue<int>());
    }

    [Fact]
    public async Task ShopifyConfirmCancellationAsync_order_sendsOrderCancel()
    {
        // Act
        await Channel("shopify").ConfirmCancellationAsync("5551234567890", "cancel-1", CancellationToken.None);

        // Assert
        Assert.Equal("5551234567890", Assert.Single((await _sim.GetJsonAsync("/_sim/shopify/cancellations")).AsArray())!["orderId"]!.GetValue<string>());
    }

    [Fact]
    public async Task ShopifyInventorySetQuantities_moreThan250Items_isRefused()
    {
        // Arrange
        var quantities = Enumerable.Range(0, 251).Select(i => new { inventoryItemId = $"gid://shopify/InventoryItem/{i}", locationId = "gid://shopify/Location/1", quantity = 5 });

        // Act
        using var response = await _sim.Control.PostAsJsonAsync("/shopify/admin/api/2025-01/graphql.json", new
        {
            query = "mutation inventorySetQuantities($input: InventorySetQuantitiesInput!) { inventorySetQuantities(input: $input) { userErrors { field message } } }",
            variables = new { input = new { name = "available", reason = "correction", ignoreCompareQuantity = true, quantities } },
        });

        // Assert
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("MAX_INPUT_SIZE_EXCEEDED", body["errors"]![0]!["extensions"]!["code"]!.GetValue<string>());
        Assert.Empty((await _sim.GetJsonAsync("/_sim/shopify/inventory")).AsArray());
    }

    [Fact]
    public async Task WalmartAcknowledgeAsync_order_isRecordedAndLinesAcknowledged()
    {
        // Act
        await Channel("walmart").AcknowledgeAsync(PurchaseOrderId, "ack-1", CancellationToken.None);

        // Assert
        Assert.Single((await _sim.GetJsonAsync("/_sim/walmart/acknowledgements")).AsArray());
        var lines = (await _sim.GetJsonAsync("/_sim/walmart/orders"))[0]!["lines"]!.AsArray();
        Assert.All(lines, l => Assert.Equal("Acknowledged", l!["status"]!.GetValue<string>()));
    }

    [Fact]
    public async Task WalmartPushTrackingAsync_twoUnitsOfOneSku_shipsTwoLines()
    {
        // Arrange
        var tracking = new TrackingUpdate("FedEx", "794698123456", null, DateTimeOffset.UtcNow, [new FulfilmentLine("SKU-1500", 2)]);

        // Act
        await Channel("walmart").PushTrackingAsync(PurchaseOrderId, tracking, "shipment-1", CancellationToken.None);

        // Assert
        var statuses = (await _sim.GetJsonAsync("/_sim/walmart/orders"))[0]!["lines"]!.AsArray()
            .Select(l => (l!["sku"]!.GetValue<string>(), l["status"]!.GetValue<string>())).ToArray();
        Assert.Equal([("SKU-1500", "Shipped"), ("SKU-1500", "Shipped"), ("SKU-2001", "Created")], statuses);
        Assert.Equal("794698123456", Assert.Single((await _sim.GetJsonAsync("/_sim/walmart/tracking")).AsArray())!["trackingNumber"]!.GetValue<string>());
    }

    [Fact]
    public async Task WalmartConfirmCancellationAsync_partlyShippedOrder_cancelsOnlyOpenLines()
    {
        // Arrange
        var walmart = Channel("walmart");
        await walmart.PushTrackingAsync(PurchaseOrderId, new TrackingUpdate("UPS", "1Z1", null, DateTimeOffset.UtcNow, [new FulfilmentLine("SKU-2001", 1)]), "shipment-1", CancellationToken.None);

        // Act
        await walmart.ConfirmCancellationAsync(PurchaseOrderId, "cancel-1", CancellationToken.None);

        // Assert
        var cancellation = Assert.Single((await _sim.GetJsonAsync("/_sim/walmart/cancellations")).AsArray())!;
        Assert.Equal([("SKU-1500", 1), ("SKU-1500", 1)], cancellation["lines"]!.AsArray().Select(l => (l!["sku"]!.GetValue<string>(), l["quantity"]!.GetValue<int>())).ToArray());
    }

    private IChannelOrderApi Channel(string channel) => _sim.Clients.GetServices<IChannelOrderApi>().Single(c => c.Channel == channel);
}
