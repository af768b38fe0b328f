using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using RetailFunctions.Cli.Tests.Hosting;
using RetailFunctions.IntegrationTests.Fabric;
using RetailFunctions.IntegrationTests.Hosting;

namespace RetailFunctions.Cli.Tests.SafetyNet;

/// <summary>
/// A slow ERP against a tiny order → ERP threshold: the breach is raised (and the order still goes through), and it shows
/// in <c>GET /api/sla/breaches</c> and in <c>retail sla breaches</c> against the fabric's storage.
/// </summary>
[Collection(SafetyNetTables.Name)]
public sealed class SlaBreachEndToEndTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>, IAsyncLifetime
{
    private FabricHost _fabric = null!;

    public async Task InitializeAsync() =>
        _fabric = await FabricHost.StartAsync(azurite, new Dictionary<string, string>
        {
            ["Inventory__SeedSampleCatalogue"] = "true",
            ["Sla__OrderToErp"] = "00:00:01",
        });

    public async Task DisposeAsync() => await _fabric.DisposeAsync();

    [Fact]
    public async Task SlowErp_orderToErpBreach_visibleThroughApiAndCli()
    {
        // Arrange: every sales order takes the ERP three seconds.
        using (var fault = await _fabric.Simulators.Client.PostAsJsonAsync("_sim/faults/erp", new JsonObject { ["latencyMs"] = 3000, ["operation"] = "createSalesOrder" }))
        {
            Assert.True(fault.IsSuccessStatusCode);
        }

        var orderId = SimulatedShopifyOrder.NewId();
        var subject = $"shopify/{orderId}";

        // Act: the simulated Shopify creates the order and sends its signed webhook to the fabric.
        using (var created = await _fabric.Simulators.Client.PostAsJsonAsync("_sim/shopify/orders?webhook=true", SimulatedShopifyOrder.Create(orderId)))
        {
            Assert.True(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync());
        }

        // Assert
        var breach = (await Eventually.GetAsync(
            async () => (await _fabric.Client.GetFromJsonAsync<List<JsonElement>>("api/sla/breaches"))!
                .Where(b => b.GetProperty("subject").GetString() == subject).Select(b => new Holder(b)).FirstOrDefault(),
            TimeSpan.FromSeconds(45),
            $"an OrderToErp breach for {subject}")).Value;
        Assert.Equal("OrderToErp", breach.GetProperty("flow").GetString());
        Assert.Equal("00:00:01", breach.GetProperty("threshold").GetString());
        Assert.True(TimeSpan.Parse(breach.GetProperty("elapsed").GetString()!, CultureInfo.InvariantCulture) > TimeSpan.FromSeconds(1));

        var order = await Eventually.GetAsync(
            async () => await _fabric.Client.GetFromJsonAsync<JsonElement>($"api/orders/shopify/{orderId}") is var o && o.GetProperty("erpOrderId").ValueKind == JsonValueKind.String ? new Holder(o) : null,
            TimeSpan.FromSeconds(45),
            "the order posted to the ERP despite the breach");
        Assert.False(string.IsNullOrEmpty(order.Value.GetProperty("erpOrderId").GetString()));

        var events = await _fabric.Client.GetStringAsync("api/events/recent?limit=500");
        Assert.Contains(JsonDocument.Parse(events).RootElement.EnumerateArray(), e => e.ToString().Contains("sla.breached", StringComparison.Ordinal) && e.ToString().Contains(subject, StringComparison.Ordinal));

        var json = await CliProcess.RunAsync("sla", "breaches", "--json", "--connection", azurite.ConnectionString);
        Assert.True(json.ExitCode == 0, json.Error);
        Assert.Contains(JsonDocument.Parse(json.Output).RootElement.EnumerateArray(), b => b.GetProperty("subject").GetString() == subject && b.GetProperty("flow").GetString() == "OrderToErp");

        var table = await CliProcess.RunAsync("sla", "breaches", "--connection", azurite.ConnectionString);
        Assert.Equal(0, table.ExitCode);
        Assert.Matches(@"^DETECTED\s+FLOW\s+SUBJECT\s+ELAPSED\s+THRESHOLD\s+STATE", table.Output);
        Assert.Contains(table.Output.Split('\n'), l => l.Contains(subject, StringComparison.Ordinal) && l.Contains("OrderToErp", StringComparison.Ordinal));
    }

    private sealed record Holder(JsonElement Value);
}
