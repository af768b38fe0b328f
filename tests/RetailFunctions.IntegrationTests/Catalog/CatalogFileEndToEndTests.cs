using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Azure.Storage.Blobs;
using RetailFunctions.IntegrationTests.Fabric;
using RetailFunctions.IntegrationTests.Hosting;
using Xunit.Abstractions;
using static RetailFunctions.IntegrationTests.Catalog.CatalogRequests;

namespace RetailFunctions.IntegrationTests.Catalog;

/// <summary>Product files dropped into <c>catalog/{source}/{file}</c>: applied once per content, published everywhere, or quarantined whole.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class CatalogFileEndToEndTests(AzuriteFixture azurite, ITestOutputHelper output) : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(45);
    private FabricHost _host = null!;

    // Shopify's productSet takes one product per call; its GraphQL budget is lifted so a thousand products fit a test.
    public async Task InitializeAsync() => _host = await FabricHost.StartAsync(
        azurite,
        simulatorSettings: new Dictionary<string, string>
        {
            ["Simulators__RateLimits__shopify__graphql__RatePerSecond"] = "1000",
            ["Simulators__RateLimits__shopify__graphql__Burst"] = "1000",
        });

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task CsvFile_thousandProducts_reachEveryChannelWithTheirPrices()
    {
        var prefix = $"F{Random.Shared.Next(0, 9_999_999):D7}-";
        var prices = Enumerable.Range(0, 1000).ToDictionary(i => $"{prefix}{i:D4}", i => 10m + i + 0.99m);
        var csv = new StringBuilder("sku,version,title,description,brand,gtin,price,currency,tax_class,status,attr.color\n");
        foreach (var (sku, price) in prices)
        {
            csv.Append(CultureInfo.InvariantCulture, $"{sku},1,\"Mug, {sku}\",Stoneware mug,Contoso,{Gtin(sku)},{price},USD,standard,active,blue\n");
        }

        var started = Stopwatch.GetTimestamp();
        await new BlobClient(azurite.ConnectionString, "catalog", $"pim/products-{Guid.NewGuid():N}.csv").UploadAsync(BinaryData.FromString(csv.ToString()));

        await Eventually.GetAsync(async () => await GetAsync(_host.Client, $"{prefix}0999") is not null && await GetAsync(_host.Client, $"{prefix}0000") is not null, Patience, "the masters");
        output.WriteLine($"masters after {Stopwatch.GetElapsedTime(started).TotalSeconds:0.0} s");
        foreach (var channel in Channels)
        {
            var held = await Eventually.GetAsync(
                async () => await HeldAsync(channel, prefix) is { Count: 1000 } all ? all : null,
                Patience,
                $"{channel} to hold the thousand products");
            Assert.All(prices, p => Assert.Equal(p.Value, held[p.Key]));
            output.WriteLine($"{channel}: 1000 products after {Stopwatch.GetElapsedTime(started).TotalSeconds:0.0} s; calls {await _host.Simulators.Client.GetStringAsync($"_sim/{channel}/counters")}");
        }

        var view = (await GetAsync(_host.Client, $"{prefix}0500"))!.Value;
        Assert.Equal(510.99m, view.GetProperty("price").GetDecimal());
        Assert.Equal("Mug, " + $"{prefix}0500", view.GetProperty("title").GetString());
        Assert.Equal("blue", view.GetProperty("attributes").GetProperty("color").GetString());
    }

    [Fact]
    public async Task JsonLinesFile_sameContentTwice_isAppliedOnce()
    {
        var sku = NewSku();
        var content = BinaryData.FromString($$"""{"sku":"{{sku}}","title":"Lamp","brand":"Contoso","gtin":"{{Gtin(sku)}}","price":42.5,"currency":"USD"}""" + "\n");
        var container = new BlobContainerClient(azurite.ConnectionString, "catalog");

        await container.GetBlobClient($"erp/a-{Guid.NewGuid():N}.jsonl").UploadAsync(content);
        await Eventually.GetAsync(async () => await HeldPriceAsync(_host.Simulators.Client, "walmart", sku) == 42.5m, Patience, "the first file on Walmart");
        await container.GetBlobClient($"erp/b-{Guid.NewGuid():N}.jsonl").UploadAsync(content);
        await Task.Delay(TimeSpan.FromSeconds(4));

        var listing = (await _host.Simulators.Client.GetFromJsonAsync<List<JsonElement>>("_sim/walmart/catalog"))!.Single(l => l.GetProperty("sku").GetString() == sku);
        Assert.Equal(1, listing.GetProperty("updates").GetInt32());
    }

    [Fact]
    public async Task MalformedFile_isQuarantinedWithTheLineAndAppliesNothing()
    {
        var good = NewSku();
        var name = $"bad-{Guid.NewGuid():N}.csv";
        var csv = $"sku,version,title,price,currency\n{good},1,Kettle,30.00,USD\n{NewSku()},1,Toaster,thirty,USD\n";

        await new BlobClient(azurite.ConnectionString, "catalog", $"erp/{name}").UploadAsync(BinaryData.FromString(csv));

        var reasonBlob = new BlobClient(azurite.ConnectionString, "catalog-quarantine", $"erp/{name}.reason.json");
        await Eventually.GetAsync(async () => (bool)await reasonBlob.ExistsAsync(), Patience, "the quarantine reason");
        var reason = JsonDocument.Parse((await reasonBlob.DownloadContentAsync()).Value.Content.ToString()).RootElement;
        Assert.Equal(3, reason.GetProperty("lineNumber").GetInt32());
        Assert.Equal("price", reason.GetProperty("field").GetString());
        Assert.StartsWith("line 3:", reason.GetProperty("message").GetString());
        Assert.True((await new BlobClient(azurite.ConnectionString, "catalog-quarantine", $"erp/{name}").ExistsAsync()).Value);
        Assert.Null(await GetAsync(_host.Client, good));
    }

    private async Task<Dictionary<string, decimal>> HeldAsync(string channel, string prefix) =>
        (await _host.Simulators.Client.GetFromJsonAsync<List<JsonElement>>($"_sim/{channel}/catalog"))!
            .Where(l => l.GetProperty("sku").GetString()!.StartsWith(prefix, StringComparison.Ordinal) && l.GetProperty("price").ValueKind == JsonValueKind.Number)
            .ToDictionary(l => l.GetProperty("sku").GetString()!, l => l.GetProperty("price").GetDecimal());
}
