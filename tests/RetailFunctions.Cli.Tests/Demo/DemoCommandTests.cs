using System.Text.Json;
using System.Text.Json.Nodes;
using RetailFunctions.Cli.Tests.Hosting;
using RetailFunctions.IntegrationTests.Fabric;
using RetailFunctions.IntegrationTests.Hosting;

namespace RetailFunctions.Cli.Tests.Demo;

/// <summary><c>retail demo</c> against a real local fabric (host, simulators, Azurite), the way <c>run-local.sh --demo</c> runs it.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class DemoCommandTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private FabricHost? _fabric;
    private string _settingsFile = "";

    public async Task InitializeAsync()
    {
        _fabric = await FabricHost.StartAsync(azurite, new Dictionary<string, string> { ["Inventory__SeedSampleCatalogue"] = "true" });
        _settingsFile = Path.Combine(Path.GetTempPath(), $"demo-settings-{Guid.NewGuid():N}.json");
        var settings = new JsonObject
        {
            ["Values"] = new JsonObject
            {
                ["AzureWebJobsStorage"] = azurite.ConnectionString,
                ["Channels__Shopify__WebhookSecret"] = FabricHost.ShopifySecret,
                ["Channels__Walmart__WebhookSecret"] = FabricHost.WalmartSecret,
                ["Channels__Amazon__ApiKey"] = FabricHost.AmazonApiKey,
                ["Channels__Pos__WebhookSecret"] = FabricHost.PosSecret,
                ["Inventory__AdjustmentsSecret"] = FabricHost.InventorySecret,
            },
        };
        await File.WriteAllTextAsync(_settingsFile, settings.ToJsonString());
    }

    public async Task DisposeAsync()
    {
        File.Delete(_settingsFile);
        if (_fabric is not null)
        {
            await _fabric.DisposeAsync();
        }
    }

    [Fact]
    public async Task Demo_with_three_orders_completes_every_order_and_reports_them()
    {
        var result = await CliProcess.RunAsync(
            new Dictionary<string, string?>(),
            TimeSpan.FromMinutes(3),
            "demo", "--orders", "3", "--json",
            "--base-url", _fabric!.Host.Client.BaseAddress!.ToString(),
            "--simulators-url", _fabric.Simulators.Client.BaseAddress!.ToString(),
            "--settings", _settingsFile);

        Assert.True(result.ExitCode == 0, $"exit {result.ExitCode}\nstdout: {result.Output}\nstderr: {result.Error}");
        using var summary = JsonDocument.Parse(result.Output);
        var root = summary.RootElement;
        Assert.True(root.GetProperty("ok").GetBoolean());
        Assert.Equal(3, root.GetProperty("ordersTotal").GetInt32());
        Assert.Equal(3, root.GetProperty("ordersByStatus").GetProperty("Completed").GetInt32());
        foreach (var channel in root.GetProperty("webhooks").EnumerateArray())
        {
            Assert.Equal(1, channel.GetProperty("sent").GetInt32());
            Assert.Equal(1, channel.GetProperty("accepted").GetInt32());
        }

        Assert.Equal(3, root.GetProperty("erpOrders").GetInt32());
        Assert.Equal(1, root.GetProperty("inventoryAdjustmentsAccepted").GetInt32());
        Assert.StartsWith("uploaded", root.GetProperty("settlement").GetString());
        Assert.Contains("sent 4/4 deliveries", result.Error);
    }
}
