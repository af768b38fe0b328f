using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using RetailFunctions.IntegrationTests.Fabric;
using RetailFunctions.IntegrationTests.Hosting;
using static RetailFunctions.IntegrationTests.Catalog.CatalogRequests;

namespace RetailFunctions.IntegrationTests.Catalog;

/// <summary>
/// Catalog changes through the local fabric host: the signed change API, the versioned master, per-channel validation
/// (price band hold, required fields) and publication to every channel simulator, including listing errors.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class CatalogEndToEndTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private FabricHost _host = null!;

    public async Task InitializeAsync() => _host = await FabricHost.StartAsync(azurite);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Post_product_isPublishedToEveryChannelAndShownByGet()
    {
        var sku = NewSku();

        using var response = await _host.Client.SendAsync(Request(Body(NewChangeId(), Product(sku, 1, 24.99m))));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var view = await PublishedAsync(sku, 1);
        Assert.Equal(24.99m, view.GetProperty("price").GetDecimal());
        Assert.Equal("USD", view.GetProperty("currency").GetString());
        Assert.Equal(JsonValueKind.Null, view.GetProperty("activePromotion").ValueKind);
        foreach (var channel in Channels)
        {
            var state = CatalogRequests.Channel(view, channel);
            Assert.Equal(24.99m, state.GetProperty("publishedPrice").GetDecimal());
            Assert.Equal(JsonValueKind.Null, state.GetProperty("error").ValueKind);
            Assert.Equal(24.99m, await HeldPriceAsync(_host.Simulators.Client, channel, sku));
        }
    }

    [Fact]
    public async Task Post_olderVersionAfterNewer_isIgnoredAndReported()
    {
        var sku = NewSku();
        await AcceptedAsync(Body(NewChangeId(), Product(sku, 5, 30m)));
        await PublishedAsync(sku, 5);

        using var late = await _host.Client.SendAsync(Request(Body(NewChangeId(), Price(sku, 3, 31m))));

        Assert.Equal(HttpStatusCode.Accepted, late.StatusCode);
        var answer = await late.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(0, answer.GetProperty("queued").GetInt32());
        var ignored = Assert.Single(answer.GetProperty("ignored").EnumerateArray());
        Assert.Equal((sku, 3L, 5L), (ignored.GetProperty("sku").GetString(), ignored.GetProperty("version").GetInt64(), ignored.GetProperty("currentVersion").GetInt64()));
        await Task.Delay(TimeSpan.FromSeconds(2));
        var view = (await GetAsync(_host.Client, sku))!.Value;
        Assert.Equal((5L, 30m), (view.GetProperty("version").GetInt64(), view.GetProperty("price").GetDecimal()));
        Assert.Equal(30m, await HeldPriceAsync(_host.Simulators.Client, "shopify", sku));
    }

    [Fact]
    public async Task Post_sameChangeIdAgain_isDuplicate()
    {
        var sku = NewSku();
        var body = Body(NewChangeId(), Product(sku, 1, 12m));
        await AcceptedAsync(body);

        using var again = await _host.Client.SendAsync(Request(body));

        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal("duplicate", (await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
    }

    [Fact]
    public async Task Post_priceDropBeyondBand_isHeldForReviewOnEveryChannelUntilReviewed()
    {
        var sku = NewSku();
        await AcceptedAsync(Body(NewChangeId(), Product(sku, 1, 100m)));
        await PublishedAsync(sku, 1);

        await AcceptedAsync(Body(NewChangeId(), Price(sku, 2, 10m)));

        var held = await Eventually.GetAsync(
            async () => await GetAsync(_host.Client, sku) is { } v && Channels.All(c => CatalogRequests.Channel(v, c).GetProperty("error").ValueKind == JsonValueKind.String) ? v : (JsonElement?)null,
            Patience,
            "the hold on every channel");
        foreach (var channel in Channels)
        {
            var state = CatalogRequests.Channel(held.GetValueOrDefault(), channel);
            Assert.Equal("held for review: price drop 90% exceeds band 50%", state.GetProperty("error").GetString());
            Assert.Equal((1L, 100m), (state.GetProperty("publishedVersion").GetInt64(), state.GetProperty("publishedPrice").GetDecimal()));
            Assert.Equal(100m, await HeldPriceAsync(_host.Simulators.Client, channel, sku));
        }

        using var wrongPrice = await _host.Client.SendAsync(Request(Encoding.UTF8.GetBytes("""{"price":11}"""), path: $"api/catalog/{sku}/price-review"));
        using var review = await _host.Client.SendAsync(Request(Encoding.UTF8.GetBytes("""{"price":10.00}"""), path: $"api/catalog/{sku}/price-review"));

        Assert.Equal(HttpStatusCode.Conflict, wrongPrice.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, review.StatusCode);
        var released = await PublishedAsync(sku, 2);
        Assert.All(Channels, c => Assert.Equal(10m, CatalogRequests.Channel(released, c).GetProperty("publishedPrice").GetDecimal()));
    }

    [Fact]
    public async Task Publish_channelRejectingSomeListings_recordsTheirErrorsAndPublishesTheRest()
    {
        var refused = NewSku();
        var fine = NewSku();
        using var reject = await _host.Simulators.Client.PutAsJsonAsync("_sim/amazon/catalog/rejections", new { skus = new[] { refused }, reason = "The brand is not approved for this category." });
        reject.EnsureSuccessStatusCode();
        using var rejectInFeed = await _host.Simulators.Client.PutAsJsonAsync("_sim/walmart/catalog/rejections", new { skus = new[] { refused }, reason = "Missing required attribute: shippingWeight." });
        rejectInFeed.EnsureSuccessStatusCode();

        await AcceptedAsync(Body(NewChangeId(), Product(refused, 1, 15m), Product(fine, 1, 16m)));

        await PublishedAsync(fine, 1);
        var view = await Eventually.GetAsync(
            async () => await GetAsync(_host.Client, refused) is { } v && CatalogRequests.Channel(v, "amazon").GetProperty("error").ValueKind == JsonValueKind.String
                && CatalogRequests.Channel(v, "walmart").GetProperty("error").ValueKind == JsonValueKind.String
                && CatalogRequests.Channel(v, "shopify").GetProperty("publishedVersion").ValueKind == JsonValueKind.Number ? v : (JsonElement?)null,
            Patience,
            "the Amazon listing error");
        Assert.Contains("The brand is not approved", CatalogRequests.Channel(view.GetValueOrDefault(), "amazon").GetProperty("error").GetString());
        Assert.Equal("Missing required attribute: shippingWeight.", CatalogRequests.Channel(view.GetValueOrDefault(), "walmart").GetProperty("error").GetString());
        Assert.Equal(16m, await HeldPriceAsync(_host.Simulators.Client, "walmart", fine));
        Assert.Null(await HeldPriceAsync(_host.Simulators.Client, "amazon", refused));
        Assert.Equal(15m, await HeldPriceAsync(_host.Simulators.Client, "shopify", refused));
        Assert.Equal(16m, await HeldPriceAsync(_host.Simulators.Client, "amazon", fine));
    }

    [Fact]
    public async Task Post_priceOnlyForUnknownSku_reportsMissingFieldsPerChannelAndPublishesWhereItCan()
    {
        var sku = NewSku();

        await AcceptedAsync(Body(NewChangeId(), $$"""{"sku":"{{sku}}","version":1,"price":9.5,"currency":"USD"}"""));

        var view = await Eventually.GetAsync(
            async () => await GetAsync(_host.Client, sku) is { } v && CatalogRequests.Channel(v, "pos").GetProperty("publishedVersion").ValueKind == JsonValueKind.Number
                && CatalogRequests.Channel(v, "amazon").GetProperty("error").ValueKind == JsonValueKind.String ? v : (JsonElement?)null,
            Patience,
            "POS published and Amazon refused");
        Assert.Equal(9.5m, CatalogRequests.Channel(view.GetValueOrDefault(), "pos").GetProperty("publishedPrice").GetDecimal());
        Assert.Equal("missing required fields: title, brand, gtin", CatalogRequests.Channel(view.GetValueOrDefault(), "amazon").GetProperty("error").GetString());
        Assert.Equal("missing required field: title", CatalogRequests.Channel(view.GetValueOrDefault(), "shopify").GetProperty("error").GetString());
    }

    public static TheoryData<string, HttpStatusCode, string?> Rejections => new()
    {
        { "wrong-secret", HttpStatusCode.Unauthorized, null },
        { "body-changed-after-signing", HttpStatusCode.Unauthorized, null },
        { "no-version", HttpStatusCode.BadRequest, "items[0].version" },
        { "bad-currency", HttpStatusCode.BadRequest, "items[0].currency" },
        { "text-plain", HttpStatusCode.UnsupportedMediaType, null },
    };

    [Theory]
    [MemberData(nameof(Rejections))]
    public async Task Post_rejected_returnsItsStatusAndLeavesNothing(string problem, HttpStatusCode expected, string? field)
    {
        var sku = NewSku();
        var body = Body(NewChangeId(), Product(sku, 1, 5m));
        var request = problem switch
        {
            "wrong-secret" => Request(body, Core.Webhooks.RetailSignature.Create(body, "another-secret", DateTimeOffset.UtcNow)),
            "body-changed-after-signing" => Request(Body(NewChangeId(), Product(sku, 1, 6m)), Core.Webhooks.RetailSignature.Create(body, FabricHost.CatalogSecret, DateTimeOffset.UtcNow)),
            "no-version" => Request(Body(NewChangeId(), $$"""{"sku":"{{sku}}","price":5}""")),
            "bad-currency" => Request(Body(NewChangeId(), $$"""{"sku":"{{sku}}","version":1,"currency":"dollars"}""")),
            "text-plain" => Request(body, contentType: "text/plain"),
            _ => throw new ArgumentOutOfRangeException(nameof(problem)),
        };

        using var response = await _host.Client.SendAsync(request);

        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        if (field is not null)
        {
            Assert.Equal(field, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("field").GetString());
        }

        await Task.Delay(TimeSpan.FromSeconds(1));
        using var query = await _host.Client.GetAsync($"api/catalog/{sku}");
        Assert.Equal(HttpStatusCode.NotFound, query.StatusCode);
    }

    private async Task AcceptedAsync(byte[] body)
    {
        using var response = await _host.Client.SendAsync(Request(body));
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }

    private async Task<JsonElement> PublishedAsync(string sku, long version) =>
        (await Eventually.GetAsync(
            async () => await GetAsync(_host.Client, sku) is { } v
                && Channels.All(c => CatalogRequests.Channel(v, c).GetProperty("publishedVersion") is { ValueKind: JsonValueKind.Number } p && p.GetInt64() == version) ? v : (JsonElement?)null,
            Patience,
            $"{sku} v{version} published on every channel")).GetValueOrDefault();
}
