using System.Net.Http.Json;
using System.Text.Json;
using RetailFunctions.IntegrationTests.Fabric;
using RetailFunctions.IntegrationTests.Hosting;
using static RetailFunctions.IntegrationTests.Catalog.CatalogRequests;

namespace RetailFunctions.IntegrationTests.Catalog;

/// <summary>The consistency timer: a channel that lost a listing or shows another price is reported and brought back in step.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class CatalogConsistencyEndToEndTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(40);
    private readonly string _prefix = $"CNS{Random.Shared.Next(0, 9_999_999):D7}-";
    private FabricHost _host = null!;

    // Other tests' SKUs live in the same storage account but were published to other simulators: the check looks at this test's own.
    public async Task InitializeAsync() => _host = await FabricHost.StartAsync(
        azurite,
        new Dictionary<string, string> { ["Catalog__ConsistencyInterval"] = "00:00:02", ["Catalog__ConsistencySkuPrefix"] = _prefix });

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Check_missingListingAndWrongPrice_areReportedAndRepublished()
    {
        string repriced = _prefix + "1", removed = _prefix + "2";
        using (var change = await _host.Client.SendAsync(Request(Body(NewChangeId(), Product(repriced, 1, 20m), Product(removed, 1, 21m)))))
        {
            change.EnsureSuccessStatusCode();
        }

        foreach (var channel in Channels)
        {
            await Eventually.GetAsync(async () => await HeldPriceAsync(_host.Simulators.Client, channel, removed) == 21m && await HeldPriceAsync(_host.Simulators.Client, channel, repriced) == 20m, Patience, $"both on {channel}");
        }

        (await _host.Simulators.Client.PutAsJsonAsync($"_sim/walmart/catalog/{repriced}", new { price = 1.00m })).EnsureSuccessStatusCode();
        (await _host.Simulators.Client.DeleteAsync($"_sim/shopify/catalog/{removed}")).EnsureSuccessStatusCode();

        // The two changes may fall on either side of a check, so drifts are gathered over the reports that follow.
        var seen = new HashSet<(string?, string?, string?)>();
        await Eventually.GetAsync(
            async () =>
            {
                foreach (var d in (await LatestReportAsync())?.GetProperty("drift").EnumerateArray() ?? default(JsonElement.ArrayEnumerator))
                {
                    seen.Add((d.GetProperty("sku").GetString(), d.GetProperty("channel").GetString(), d.GetProperty("problem").GetString()));
                }

                return seen.Count >= 2;
            },
            Patience,
            "reports with both drifts");
        Assert.Equal(
            [(removed, "shopify", "missing listing"), (repriced, "walmart", "wrong price: shows 1.00, catalogue 20.00")],
            seen.OrderBy(d => d.Item1, StringComparer.Ordinal).Reverse().ToArray());
        await Eventually.GetAsync(async () => await HeldPriceAsync(_host.Simulators.Client, "walmart", repriced) == 20m, Patience, "Walmart back at 20.00");
        await Eventually.GetAsync(async () => await HeldPriceAsync(_host.Simulators.Client, "shopify", removed) == 21m, Patience, "Shopify listing again");
        await Eventually.GetAsync(
            async () => await GetAsync(_host.Client, removed) is { } v && CatalogRequests.Channel(v, "shopify").GetProperty("error").ValueKind == JsonValueKind.Null,
            Patience,
            "the drift error cleared once republished");
    }

    private async Task<JsonElement?> LatestReportAsync()
    {
        using var response = await _host.Client.GetAsync("api/catalog/consistency/latest");
        return response.IsSuccessStatusCode ? await response.Content.ReadFromJsonAsync<JsonElement>() : null;
    }
}
