using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using RetailFunctions.Core.BackOffice;
using RetailFunctions.Simulators.Tests.Hosting;

namespace RetailFunctions.Simulators.Tests.Amazon;

public sealed class AmazonApiTests : IAsyncLifetime
{
    private const string OrderId = "113-4567890-1234567";

    private SimulatorHost _sim = null!;

    public async Task InitializeAsync()
    {
        _sim = await SimulatorHost.StartAsync();
        using var seeded = await _sim.Control.PostAsJsonAsync("/_sim/amazon/orders", new
        {
            amazonOrderId = OrderId,
            items = new object[]
            {
                new { sku = "SKU-1500", quantity = 2, itemPrice = 39.98m, itemTax = 3.20m, shippingPrice = 4.99m },
                new { sku = "SKU-2001", quantity = 1, itemPrice = 45.00m, itemTax = 3.60m },
            },
        });
        seeded.EnsureSuccessStatusCode();
    }

    public async Task DisposeAsync() => await _sim.DisposeAsync();

    [Fact]
    public async Task GetOrderAsync_seededOrder_returnsSpApiPayload()
    {
        // Arrange
        var amazon = _sim.Client<IAmazonOrdersApi>();

        // Act
        var order = JsonNode.Parse(await amazon.GetOrderAsync(OrderId, CancellationToken.None))!["payload"]!;

        // Assert
        Assert.Equal(OrderId, order["AmazonOrderId"]!.GetValue<string>());
        Assert.Equal("Unshipped", order["OrderStatus"]!.GetValue<string>());
        Assert.Equal("MFN", order["FulfillmentChannel"]!.GetValue<string>());
        Assert.Equal("USD", order["OrderTotal"]!["CurrencyCode"]!.GetValue<string>());
        Assert.Equal("96.77", order["OrderTotal"]!["Amount"]!.GetValue<string>());
        Assert.Equal(3, order["NumberOfItemsUnshipped"]!.GetValue<int>());
    }

    [Fact]
    public async Task GetOrderItemsAsync_seededOrder_returnsItemsWithSellerSkus()
    {
        // Arrange
        var amazon = _sim.Client<IAmazonOrdersApi>();

        // Act
        var payload = JsonNode.Parse(await amazon.GetOrderItemsAsync(OrderId, CancellationToken.None))!["payload"]!;

        // Assert
        Assert.Equal(OrderId, payload["AmazonOrderId"]!.GetValue<string>());
        var items = payload["OrderItems"]!.AsArray();
        Assert.Equal(["SKU-1500", "SKU-2001"], items.Select(i => i!["SellerSKU"]!.GetValue<string>()).ToArray());
        Assert.Equal(2, items[0]!["QuantityOrdered"]!.GetValue<int>());
        Assert.Equal("39.98", items[0]!["ItemPrice"]!["Amount"]!.GetValue<string>());
        Assert.All(items, i => Assert.False(string.IsNullOrEmpty(i!["OrderItemId"]!.GetValue<string>())));
    }

    [Fact]
    public async Task GetOrderAsync_unknownOrder_throwsRejectedNotFound()
    {
        // Arrange
        var amazon = _sim.Client<IAmazonOrdersApi>();

        // Act
        var exception = await Assert.ThrowsAsync<BackOfficeRejectedException>(() => amazon.GetOrderAsync("111-0000000-0000000", CancellationToken.None));

        // Assert
        Assert.Equal(404, exception.StatusCode);
    }

    [Fact]
    public async Task GetOrder_beyondBurst_answers429WithRetryAfter()
    {
        // Arrange
        using var limit = await _sim.Control.PutAsJsonAsync("/_sim/ratelimits/amazon/getOrder", new { ratePerSecond = 0.2, burst = 2 });
        limit.EnsureSuccessStatusCode();

        // Act
        var statuses = new List<HttpResponseMessage>();
        for (var i = 0; i < 3; i++)
        {
            statuses.Add(await _sim.Control.GetAsync($"/amazon/orders/v0/orders/{OrderId}"));
        }

        // Assert
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses.Select(s => s.StatusCode).ToArray());
        Assert.True(statuses[2].Headers.RetryAfter?.Delta >= TimeSpan.FromSeconds(4));
        Assert.Equal(1, (await _sim.CountersAsync("amazon", "getOrder")).Throttled);
        statuses.ForEach(s => s.Dispose());
    }

    [Fact]
    public async Task GetOrderAsync_throttledOnce_retriesAfterRetryAfterAndSucceeds()
    {
        // Arrange: one token, refilled after a second.
        using var limit = await _sim.Control.PutAsJsonAsync("/_sim/ratelimits/amazon/getOrder", new { ratePerSecond = 1.0, burst = 1 });
        limit.EnsureSuccessStatusCode();
        var amazon = _sim.Client<IAmazonOrdersApi>();
        await amazon.GetOrderAsync(OrderId, CancellationToken.None);

        // Act
        var order = JsonNode.Parse(await amazon.GetOrderAsync(OrderId, CancellationToken.None))!;

        // Assert
        Assert.Equal(OrderId, order["payload"]!["AmazonOrderId"]!.GetValue<string>());
        Assert.Equal((3, 0, 1, 0), await _sim.CountersAsync("amazon", "getOrder"));
    }

    [Fact]
    public async Task PushTrackingAsync_partialShipment_confirmsAgainstTheOrderItems()
    {
        // Arrange
        var channel = _sim.Clients.GetServices<IChannelOrderApi>().Single(c => c.Channel == "amazon");
        var tracking = new TrackingUpdate("UPS", "1Z999AA10123456784", null, DateTimeOffset.UtcNow, [new FulfilmentLine("SKU-1500", 2)]);

        // Act
        await channel.PushTrackingAsync(OrderId, tracking, "shipment-SHP-1", CancellationToken.None);

        // Assert
        var pushed = Assert.Single((await _sim.GetJsonAsync("/_sim/amazon/tracking")).AsArray())!;
        Assert.Equal("1Z999AA10123456784", pushed["trackingNumber"]!.GetValue<string>());
        Assert.Equal("SKU-1500", pushed["lines"]![0]!["sku"]!.GetValue<string>());
        var order = JsonNode.Parse(await _sim.Client<IAmazonOrdersApi>().GetOrderAsync(OrderId, CancellationToken.None))!["payload"]!;
        Assert.Equal("PartiallyShipped", order["OrderStatus"]!.GetValue<string>());
    }

    [Fact]
    public async Task ConfirmCancellationAsync_order_isCancelledThroughAnAcknowledgementFeed()
    {
        // Arrange
        var channel = _sim.Clients.GetServices<IChannelOrderApi>().Single(c => c.Channel == "amazon");

        // Act
        await channel.ConfirmCancellationAsync(OrderId, "cancel-113", CancellationToken.None);

        // Assert
        Assert.Equal(OrderId, Assert.Single((await _sim.GetJsonAsync("/_sim/amazon/cancellations")).AsArray())!["orderId"]!.GetValue<string>());
        Assert.Equal("DONE", Assert.Single((await _sim.GetJsonAsync("/_sim/amazon/feeds")).AsArray())!["processingStatus"]!.GetValue<string>());
        var order = JsonNode.Parse(await _sim.Client<IAmazonOrdersApi>().GetOrderAsync(OrderId, CancellationToken.None))!["payload"]!;
        Assert.Equal("Canceled", order["OrderStatus"]!.GetValue<string>());
    }
}
