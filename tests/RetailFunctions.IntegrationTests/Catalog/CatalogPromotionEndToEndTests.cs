using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using RetailFunctions.IntegrationTests.Fabric;
using RetailFunctions.IntegrationTests.Hosting;
using Xunit.Abstractions;
using static RetailFunctions.IntegrationTests.Catalog.CatalogRequests;

namespace RetailFunctions.IntegrationTests.Catalog;

/// <summary>Promotions through the fabric: a durable timer starts them on the channels and stores in scope and withdraws them at their end.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class CatalogPromotionEndToEndTests(AzuriteFixture azurite, ITestOutputHelper output) : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan OnTime = TimeSpan.FromSeconds(6);
    private FabricHost _host = null!;

    public async Task InitializeAsync() => _host = await FabricHost.StartAsync(azurite);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Promotion_startsAndEndsOnTimeOnlyWhereScoped()
    {
        var sku = NewSku();
        await DurableSidecarReadyAsync();
        using (var change = await _host.Client.SendAsync(Request(Body(NewChangeId(), Product(sku, 1, 40m)))))
        {
            Assert.Equal(HttpStatusCode.Accepted, change.StatusCode);
        }

        await Eventually.GetAsync(async () => await HeldPriceAsync(_host.Simulators.Client, "shopify", sku) == 40m && await HeldPriceAsync(_host.Simulators.Client, "pos", sku) == 40m, Patience, "the base price");
        var promotionId = $"wknd-{Guid.NewGuid():N}";
        var startsAt = DateTimeOffset.UtcNow.AddSeconds(4);
        var endsAt = startsAt.AddSeconds(6);
        var body = Encoding.UTF8.GetBytes($$"""{"promotionId":"{{promotionId}}","skus":["{{sku}}"],"percentOff":25,"startsAt":"{{startsAt:O}}","endsAt":"{{endsAt:O}}","channels":["shopify","pos"],"stores":["STORE-001"]}""");

        using var response = await _host.Client.SendAsync(Request(body, path: "api/catalog/promotions"));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        await Eventually.GetAsync(async () => await HeldPriceAsync(_host.Simulators.Client, "shopify", sku) == 30m, startsAt - DateTimeOffset.UtcNow + OnTime, "the promotion price on Shopify");
        var startLag = DateTimeOffset.UtcNow - startsAt;
        output.WriteLine($"promotion on Shopify {startLag.TotalSeconds:0.0} s after its start");
        Assert.True(startLag > TimeSpan.FromSeconds(-0.5), $"The promotion reached Shopify {-startLag.TotalSeconds:0.0} s before its start.");
        await Eventually.GetAsync(async () => await HeldPriceAsync(_host.Simulators.Client, "pos", sku) == 30m, Patience, "the promotion price on POS");
        var during = (await GetAsync(_host.Client, sku))!.Value;
        Assert.Equal(promotionId, during.GetProperty("activePromotion").GetProperty("promotionId").GetString());
        Assert.Equal(30m, during.GetProperty("activePromotion").GetProperty("price").GetDecimal());
        Assert.Equal(40m, await HeldPriceAsync(_host.Simulators.Client, "amazon", sku));

        await Eventually.GetAsync(async () => await HeldPriceAsync(_host.Simulators.Client, "shopify", sku) == 40m, endsAt - DateTimeOffset.UtcNow + OnTime, "the base price back on Shopify");
        var endLag = DateTimeOffset.UtcNow - endsAt;
        output.WriteLine($"promotion withdrawn from Shopify {endLag.TotalSeconds:0.0} s after its end");
        Assert.True(endLag > TimeSpan.FromSeconds(-0.5), $"The promotion left Shopify {-endLag.TotalSeconds:0.0} s before its end.");
        await Eventually.GetAsync(async () => await HeldPriceAsync(_host.Simulators.Client, "pos", sku) == 40m, Patience, "the base price back on POS");
        var after = (await GetAsync(_host.Client, sku))!.Value;
        Assert.Equal(JsonValueKind.Null, after.GetProperty("activePromotion").ValueKind);
        Assert.Equal(40m, CatalogRequests.Channel(after, "shopify").GetProperty("publishedPrice").GetDecimal());
    }

    [Fact]
    public async Task Promotion_sameIdAgain_isDuplicateAndBadOneNamesTheField()
    {
        await DurableSidecarReadyAsync();
        var promotionId = $"dup-{Guid.NewGuid():N}";
        var startsAt = DateTimeOffset.UtcNow.AddMinutes(5);
        var body = Encoding.UTF8.GetBytes($$"""{"promotionId":"{{promotionId}}","skus":["{{NewSku()}}"],"price":5,"startsAt":"{{startsAt:O}}","endsAt":"{{startsAt.AddHours(1):O}}"}""");
        using (var first = await _host.Client.SendAsync(Request(body, path: "api/catalog/promotions")))
        {
            Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        }

        using var again = await _host.Client.SendAsync(Request(body, path: "api/catalog/promotions"));
        using var bad = await _host.Client.SendAsync(Request(Encoding.UTF8.GetBytes($$"""{"promotionId":"x","skus":["A"],"price":5,"percentOff":10,"startsAt":"{{startsAt:O}}","endsAt":"{{startsAt.AddHours(1):O}}"}"""), path: "api/catalog/promotions"));

        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal("price", (await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("field").GetString());
    }

    /// <summary>The local host answers health before its Durable Task sidecar listens; a status query tells when it does.</summary>
    private Task DurableSidecarReadyAsync() =>
        Eventually.GetAsync(
            async () =>
            {
                var startsAt = DateTimeOffset.UtcNow.AddHours(1);
                using var probe = await _host.Client.SendAsync(Request(
                    Encoding.UTF8.GetBytes($$"""{"promotionId":"probe-{{Guid.NewGuid():N}}","skus":["{{NewSku()}}"],"price":1,"startsAt":"{{startsAt:O}}","endsAt":"{{startsAt.AddMinutes(1):O}}"}"""),
                    path: "api/catalog/promotions"));
                return probe.StatusCode == HttpStatusCode.Accepted;
            },
            Patience,
            "the Durable Task sidecar");
}
