using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using RetailFunctions.IntegrationTests.Fabric;
using RetailFunctions.IntegrationTests.Hosting;

namespace RetailFunctions.IntegrationTests.Inventory;

/// <summary>
/// Adjustments through the local fabric host to channel simulators holding the channels' published limits: Amazon
/// and Walmart get single updates while their rate allows and one feed for the rest, and a throttled feed does not
/// hold back the single updates. The simulators record which operation set each value.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class InventoryChannelLimitsEndToEndTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private FabricHost _host = null!;

    // Walmart gathers for 3 s instead of its default 15; everything else is the channels' defaults.
    public async Task InitializeAsync() =>
        _host = await FabricHost.StartAsync(azurite, new Dictionary<string, string> { ["Inventory__Channels__walmart__BatchAfter"] = "00:00:03" });

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task FanOut_fewChanges_goBySingleUpdatesNotFeeds()
    {
        var skus = Enumerable.Range(0, 3).Select(_ => InventoryAdjustment.NewSku()).ToArray();

        await AcceptedAsync(skus.Select((sku, i) => InventoryAdjustment.Count(sku, "DC1", 10 + i)).ToArray());

        Assert.All(await ConvergedAsync("amazon", skus, i => 10 + i), v => Assert.Equal("patchListingsItem", v));
        Assert.All(await ConvergedAsync("walmart", skus, i => 10 + i), v => Assert.Equal("updateInventory", v));
        Assert.All(await ConvergedAsync("shopify", skus, i => 10 + i), v => Assert.Equal("inventorySetQuantities", v));
        var counters = await CountersAsync();
        Assert.Equal(0, Requests(counters, "amazon", "createFeed"));
        Assert.Equal(0, Requests(counters, "walmart", "bulkInventoryFeed"));
    }

    [Fact]
    public async Task FanOut_moreChangesThanTheSingleRate_patchesWhatItAllowsAndFeedsTheRestOnce()
    {
        var skus = Enumerable.Range(0, 60).Select(i => $"{InventoryAdjustment.NewSku()}-{i:D2}").ToArray();

        await AcceptedAsync(skus.Select((sku, i) => InventoryAdjustment.Count(sku, "DC1", 100 + i)).ToArray());

        var amazon = await ConvergedAsync("amazon", skus, i => 100 + i);
        var walmart = await ConvergedAsync("walmart", skus, i => 100 + i);
        var counters = await CountersAsync();
        // One feed carries the rest; a second only if the host was too slow to mark every value before the first.
        Assert.InRange(Requests(counters, "amazon", "createFeed"), 1, 2);
        Assert.InRange(Requests(counters, "walmart", "bulkInventoryFeed"), 1, 2);
        Assert.InRange(amazon.Count(v => v == "patchListingsItem"), 10, 59);
        Assert.InRange(walmart.Count(v => v == "updateInventory"), 10, 59);
        Assert.Equal(0, Throttled(counters, "amazon", "patchListingsItem") + Throttled(counters, "walmart", "updateInventory"));
    }

    [Fact]
    public async Task FanOut_amazonFeedsThrottled_patchesCarryEveryValue()
    {
        using var fault = await _host.Simulators.Client.PostAsJsonAsync(
            "_sim/faults/amazon", new { status = 429, retryAfterSeconds = 120, operation = "createFeedDocument" });
        fault.EnsureSuccessStatusCode();
        var skus = Enumerable.Range(0, 40).Select(i => $"{InventoryAdjustment.NewSku()}-{i:D2}").ToArray();

        await AcceptedAsync(skus.Select((sku, i) => InventoryAdjustment.Count(sku, "DC1", 20 + i)).ToArray());

        Assert.All(await ConvergedAsync("amazon", skus, i => 20 + i), v => Assert.Equal("patchListingsItem", v));
        var counters = await CountersAsync();
        Assert.True(Counter(counters, "amazon", "createFeedDocument", "faulted") >= 1, "the feed was tried and throttled");
        Assert.Equal(0, Requests(counters, "amazon", "createFeed"));
    }

    private async Task AcceptedAsync(string[] items)
    {
        using var response = await _host.Client.SendAsync(InventoryAdjustment.Request(InventoryAdjustment.Body("erp", InventoryAdjustment.NewSequence(), items)));
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }

    /// <returns>Per SKU, in order, the operation that set the channel's value, once every SKU shows its expected value.</returns>
    private async Task<string[]> ConvergedAsync(string channel, string[] skus, Func<int, int> expected) =>
        await Eventually.GetAsync(
            async () =>
            {
                var values = (await _host.Simulators.Client.GetFromJsonAsync<JsonElement>($"_sim/{channel}/inventory"))
                    .EnumerateArray()
                    .ToDictionary(v => v.GetProperty("sku").GetString()!, v => (Quantity: v.GetProperty("quantity").GetInt32(), Via: v.GetProperty("via").GetString()!));
                var via = skus.Select((sku, i) => values.TryGetValue(sku, out var value) && value.Quantity == expected(i) ? value.Via : null).ToArray();
                return via.All(v => v is not null) ? via.Select(v => v!).ToArray() : null;
            },
            Patience,
            $"{channel} to show every value");

    private async Task<JsonElement> CountersAsync() => await _host.Simulators.Client.GetFromJsonAsync<JsonElement>("_sim/counters");

    private static int Requests(JsonElement counters, string system, string operation) => Counter(counters, system, operation, "requests");

    private static int Throttled(JsonElement counters, string system, string operation) => Counter(counters, system, operation, "throttled");

    private static int Counter(JsonElement counters, string system, string operation, string name) =>
        counters.TryGetProperty(system, out var operations) && operations.TryGetProperty(operation, out var counts) ? counts.GetProperty(name).GetInt32() : 0;
}
