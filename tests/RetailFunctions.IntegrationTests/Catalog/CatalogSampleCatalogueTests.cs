using System.Diagnostics;
using System.Net;
using System.Text.Json;
using RetailFunctions.IntegrationTests.Fabric;
using RetailFunctions.IntegrationTests.Hosting;
using Xunit.Abstractions;
using static RetailFunctions.IntegrationTests.Catalog.CatalogRequests;

namespace RetailFunctions.IntegrationTests.Catalog;

/// <summary>
/// The local run's sample catalogue (<c>Inventory:SeedSampleCatalogue=true</c>, as <c>run-local.sh</c> sets it): a
/// change carrying only sku, version and price to a sample SKU publishes on every channel within seconds.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class CatalogSampleCatalogueTests(AzuriteFixture azurite, ITestOutputHelper output) : IAsyncLifetime
{
    private FabricHost _host = null!;

    public async Task InitializeAsync() => _host = await FabricHost.StartAsync(azurite, new Dictionary<string, string> { ["Inventory__SeedSampleCatalogue"] = "true" });

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Post_priceOnlyChangeToSampleSku_isPublishedEverywhere()
    {
        const string sku = "SKU-1500";
        var version = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        var started = Stopwatch.GetTimestamp();

        using var response = await _host.Client.SendAsync(Request(Body(NewChangeId(), Price(sku, version, 21.49m))));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var view = await Eventually.GetAsync(
            async () => await GetAsync(_host.Client, sku) is { } v
                && Channels.All(c => CatalogRequests.Channel(v, c).GetProperty("publishedVersion") is { ValueKind: JsonValueKind.Number } p && p.GetInt64() == version) ? v : (JsonElement?)null,
            TimeSpan.FromSeconds(20),
            "SKU-1500 published on every channel");
        output.WriteLine($"published on every channel {Stopwatch.GetElapsedTime(started).TotalSeconds:0.0} s after the change");
        Assert.Equal("Sample product 1500", view.GetValueOrDefault().GetProperty("title").GetString());
        Assert.All(Channels, c => Assert.Equal(21.49m, CatalogRequests.Channel(view.GetValueOrDefault(), c).GetProperty("publishedPrice").GetDecimal()));
        foreach (var channel in Channels)
        {
            Assert.Equal(21.49m, await HeldPriceAsync(_host.Simulators.Client, channel, sku));
        }
    }
}
