using System.Text.Json.Nodes;
using RetailFunctions.Core.BackOffice;
using RetailFunctions.Core.Webhooks;
using RetailFunctions.Simulators.Tests.Hosting;

namespace RetailFunctions.Simulators.Tests.Wms;

public sealed class HttpWmsClientTests
{
    [Fact]
    public async Task RequestFulfilmentAsync_autoShip_callbackArrivesSignedWithTheDesignBody()
    {
        // Arrange
        await using var fabric = await CallbackListener.StartAsync();
        await using var sim = await StartAsync(fabric, split: false);
        var request = BackOfficeSamples.Fulfilment(new FulfilmentLine("SKU-1500", 2), new FulfilmentLine("SKU-2001", 1));

        // Act
        await sim.Client<IWmsClient>().RequestFulfilmentAsync(request, "order-walmart-1796277083022", CancellationToken.None);
        var callback = await fabric.NextAsync();

        // Assert
        Assert.Equal(RetailSignatureResult.Valid, RetailSignature.Verify(callback.Body, callback.Signature, [SimulatorHost.WmsSecret], DateTimeOffset.UtcNow, TimeSpan.FromMinutes(5)));
        Assert.Equal(RetailSignatureResult.Mismatch, RetailSignature.Verify(callback.Body, callback.Signature, ["another-secret"], DateTimeOffset.UtcNow, TimeSpan.FromMinutes(5)));
        var body = JsonNode.Parse(callback.Body)!;
        Assert.False(string.IsNullOrEmpty(body["shipmentId"]!.GetValue<string>()));
        Assert.Equal("walmart", body["orderRef"]!["channel"]!.GetValue<string>());
        Assert.Equal("1796277083022", body["orderRef"]!["channelOrderId"]!.GetValue<string>());
        Assert.Equal("UPS", body["carrier"]!.GetValue<string>());
        Assert.False(string.IsNullOrEmpty(body["trackingNumber"]!.GetValue<string>()));
        Assert.True(DateTimeOffset.TryParse(body["shippedAt"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture, out _));
        Assert.Equal(
            [("SKU-1500", 2), ("SKU-2001", 1)],
            body["lines"]!.AsArray().Select(l => (l!["sku"]!.GetValue<string>(), l["quantity"]!.GetValue<int>())).ToArray());
    }

    [Fact]
    public async Task RequestFulfilmentAsync_splitShipments_twoPartialCallbacksCoverEveryLine()
    {
        // Arrange
        await using var fabric = await CallbackListener.StartAsync();
        await using var sim = await StartAsync(fabric, split: true);
        var request = BackOfficeSamples.Fulfilment(new FulfilmentLine("SKU-1500", 2), new FulfilmentLine("SKU-2001", 1));

        // Act
        await sim.Client<IWmsClient>().RequestFulfilmentAsync(request, "order-walmart-1796277083022", CancellationToken.None);
        var first = JsonNode.Parse((await fabric.NextAsync()).Body)!;
        var second = JsonNode.Parse((await fabric.NextAsync()).Body)!;

        // Assert
        Assert.NotEqual(first["shipmentId"]!.GetValue<string>(), second["shipmentId"]!.GetValue<string>());
        var shipped = new[] { first, second }.SelectMany(c => c["lines"]!.AsArray()).Select(l => (l!["sku"]!.GetValue<string>(), l["quantity"]!.GetValue<int>())).Order().ToArray();
        Assert.Equal([("SKU-1500", 2), ("SKU-2001", 1)], shipped);
    }

    [Fact]
    public async Task ShipmentCallback_fabricFailsFirstAttempt_isRetriedUntilDelivered()
    {
        // Arrange
        await using var fabric = await CallbackListener.StartAsync(failFirst: 1);
        await using var sim = await StartAsync(fabric, split: false);

        // Act
        await sim.Client<IWmsClient>().RequestFulfilmentAsync(BackOfficeSamples.Fulfilment(new FulfilmentLine("SKU-1500", 1)), "key-1", CancellationToken.None);
        var failed = await fabric.NextAsync();
        var delivered = await fabric.NextAsync();

        // Assert
        Assert.True(failed.Failed);
        Assert.False(delivered.Failed);
        Assert.Equal(failed.Body, delivered.Body);
        var shipment = await Eventually(async () => (await sim.GetJsonAsync("/_sim/wms/shipments")).AsArray().Single()!, s => s["status"]!.GetValue<string>() == "Delivered");
        Assert.Equal(2, shipment["attempts"]!.GetValue<int>());
    }

    [Fact]
    public async Task RequestFulfilmentAsync_sameKeyTwice_acceptsOneRequest()
    {
        // Arrange
        await using var sim = await SimulatorHost.StartAsync();
        var wms = sim.Client<IWmsClient>();
        var request = BackOfficeSamples.Fulfilment(new FulfilmentLine("SKU-1500", 1));

        // Act
        await wms.RequestFulfilmentAsync(request, "order-walmart-1796277083022", CancellationToken.None);
        await wms.RequestFulfilmentAsync(request, "order-walmart-1796277083022", CancellationToken.None);

        // Assert
        Assert.Single((await sim.GetJsonAsync("/_sim/wms/requests")).AsArray());
        Assert.Empty((await sim.GetJsonAsync("/_sim/wms/shipments")).AsArray());
    }

    private static Task<SimulatorHost> StartAsync(CallbackListener fabric, bool split) =>
        SimulatorHost.StartAsync(new Dictionary<string, string?>
        {
            ["Simulators:Wms:AutoShip"] = "true",
            ["Simulators:Wms:ShipDelay"] = "00:00:00.050",
            ["Simulators:Wms:SplitShipments"] = split ? "true" : "false",
            ["Simulators:Wms:FabricBaseUrl"] = fabric.BaseUrl.ToString(),
        });

    private static async Task<JsonNode> Eventually(Func<Task<JsonNode>> read, Func<JsonNode, bool> done)
    {
        for (var attempt = 0; ; attempt++)
        {
            var value = await read();
            if (done(value) || attempt == 100)
            {
                return value;
            }

            await Task.Delay(50);
        }
    }
}
