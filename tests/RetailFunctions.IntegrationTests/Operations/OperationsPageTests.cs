using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Playwright;
using RetailFunctions.IntegrationTests.Fabric;
using RetailFunctions.IntegrationTests.Hosting;
using RetailFunctions.IntegrationTests.Inventory;

namespace RetailFunctions.IntegrationTests.Operations;

/// <summary>
/// The local operations page (issue 7): <c>GET /api/ops/summary</c> and <c>/ops</c> drawn by a real headless Chromium,
/// after an order that fails on an unknown SKU and a stock count pushed to every channel. The screenshot is kept in <c>TestResults/ops-page.png</c>.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class OperationsPageTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private const string Chromium = "/usr/bin/chromium";
    private FabricHost _fabric = null!;

    public async Task InitializeAsync() =>
        _fabric = await FabricHost.StartAsync(azurite, new Dictionary<string, string> { ["Inventory__SeedSampleCatalogue"] = "true" });

    public async Task DisposeAsync() => await _fabric.DisposeAsync();

    [Fact]
    public async Task Ops_page_shows_orders_by_status_queues_and_the_failure_with_its_reason()
    {
        var (orderId, body) = ShopifyWebhook.NewOrder();
        var unknownSku = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(body).Replace("SKU-2310", "SKU-NOT-MAPPED-7", StringComparison.Ordinal));
        using var accepted = await _fabric.Client.SendAsync(ShopifyWebhook.Request(unknownSku, Guid.NewGuid().ToString()));
        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        using var adjusted = await _fabric.Client.SendAsync(InventoryAdjustment.Request(
            InventoryAdjustment.Body("wms", InventoryAdjustment.NewSequence(), InventoryAdjustment.Count("SKU-1777", "DC1", 42))));
        Assert.Equal(HttpStatusCode.Accepted, adjusted.StatusCode);

        var summary = await Eventually.GetAsync(
            async () =>
            {
                var s = await _fabric.Client.GetFromJsonAsync<JsonElement>("api/ops/summary");
                var failed = s.GetProperty("recentFailures").EnumerateArray().Any(f => f.GetProperty("channelOrderId").GetString() == orderId);
                var pushed = s.GetProperty("inventorySyncLag").GetArrayLength() == 3;
                return failed && pushed ? new Holder(s) : null;
            },
            TimeSpan.FromSeconds(60),
            $"order {orderId} in the summary's recent failures and the push of SKU-1777 on every channel");
        Assert.True(summary.Value.GetProperty("ordersByStatus").GetProperty("Failed").GetInt32() >= 1);
        var failure = summary.Value.GetProperty("recentFailures").EnumerateArray().First(f => f.GetProperty("channelOrderId").GetString() == orderId);
        Assert.Equal("shopify", failure.GetProperty("channel").GetString());
        Assert.Contains("SKU-NOT-MAPPED-7", failure.GetProperty("reason").GetString());
        Assert.All(summary.Value.GetProperty("inventorySyncLag").EnumerateArray(), l => Assert.True(l.GetProperty("pushes").GetInt32() >= 1));
        Assert.Contains(summary.Value.GetProperty("queues").EnumerateArray(), q => q.GetProperty("name").GetString() == "channel-events");

        Assert.True(File.Exists(Chromium), $"{Chromium} is missing: scripts/test.sh installs Debian's chromium package.");
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 1400, Height = 900 } });
        await page.GotoAsync(new Uri(_fabric.Client.BaseAddress!, "ops").ToString());

        var failureRow = page.Locator("#failures tbody tr", new() { HasText = orderId });
        await Assertions.Expect(failureRow).ToContainTextAsync("SKU-NOT-MAPPED-7", new() { Timeout = 15_000 });
        await Assertions.Expect(page.Locator("#orders tbody tr[data-status='Failed'] td.num")).Not.ToHaveTextAsync("0");
        await Assertions.Expect(page.Locator("#queues tbody tr[data-queue='channel-events']")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#lag-chart g.lag")).ToHaveCountAsync(3);
        await Assertions.Expect(page.Locator("#status")).ToContainTextAsync("Updated");

        var screenshot = Path.Combine(RepoPaths.Root, "TestResults", "ops-page.png");
        Directory.CreateDirectory(Path.GetDirectoryName(screenshot)!);
        await page.ScreenshotAsync(new() { Path = screenshot, FullPage = true });
        Assert.True(new FileInfo(screenshot).Length > 10_000, "the screenshot should show a drawn page");
    }

    private sealed record Holder(JsonElement Value);
}
