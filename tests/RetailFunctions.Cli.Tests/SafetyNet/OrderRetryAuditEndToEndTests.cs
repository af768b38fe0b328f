using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using RetailFunctions.Cli.Tests.Hosting;
using RetailFunctions.IntegrationTests.Fabric;
using RetailFunctions.IntegrationTests.Hosting;

namespace RetailFunctions.Cli.Tests.SafetyNet;

/// <summary>
/// An operator retries an order the ERP refused: the retry goes through and is in the audit trail, through
/// <c>GET /api/audit</c> and <c>retail audit list</c>, with the operator's name and the order's state before and after.
/// </summary>
[Collection(SafetyNetTables.Name)]
public sealed class OrderRetryAuditEndToEndTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>, IAsyncLifetime
{
    private FabricHost _fabric = null!;

    public async Task InitializeAsync() =>
        _fabric = await FabricHost.StartAsync(azurite, new Dictionary<string, string> { ["Inventory__SeedSampleCatalogue"] = "true" });

    public async Task DisposeAsync() => await _fabric.DisposeAsync();

    [Fact]
    public async Task Retry_failedOrder_isAuditedWithOperatorAndBeforeAfter()
    {
        // Arrange: the ERP refuses the first sales order, so the order ends Failed.
        using (var fault = await _fabric.Simulators.Client.PostAsJsonAsync("_sim/faults/erp", new JsonObject { ["status"] = 422, ["count"] = 1, ["operation"] = "createSalesOrder" }))
        {
            Assert.True(fault.IsSuccessStatusCode);
        }

        var orderId = SimulatedShopifyOrder.NewId();
        using (var created = await _fabric.Simulators.Client.PostAsJsonAsync("_sim/shopify/orders?webhook=true", SimulatedShopifyOrder.Create(orderId)))
        {
            Assert.True(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync());
        }

        await StatusAsync(orderId, "Failed");

        // Act: through the operator CLI. The ledger shows Failed a moment before the orchestration itself ends; until
        // then the fabric answers 409 and the CLI exits 1 without retrying.
        var retried = await Eventually.GetAsync(
            async () => await CliProcess.RunAsync("orders", "retry", "shopify", orderId, "--operator", "erin", "--base-url", _fabric.Client.BaseAddress!.ToString()) is { ExitCode: not 1 } r ? r : null,
            TimeSpan.FromSeconds(60),
            "the retry to be taken");

        // Assert
        Assert.True(retried.ExitCode == 0, retried.Error);
        Assert.Contains($"retrying shopify order {orderId}", retried.Output, StringComparison.Ordinal);
        await StatusAsync(orderId, "PostedToErp", "AwaitingShipment", "PartiallyShipped", "Shipped", "Completed");
        var fromApi = (await _fabric.Client.GetFromJsonAsync<List<JsonElement>>("api/audit?limit=1000"))!
            .Single(e => e.GetProperty("subject").GetString() == $"order-shopify-{orderId}");
        Assert.Equal("order.retry", fromApi.GetProperty("action").GetString());
        Assert.Equal("erin", fromApi.GetProperty("operator").GetString());
        using var before = JsonDocument.Parse(fromApi.GetProperty("before").GetString()!);
        Assert.Equal("Failed", before.RootElement.GetProperty("status").GetString());
        Assert.False(string.IsNullOrEmpty(before.RootElement.GetProperty("failureReason").GetString()));

        var cli = await CliProcess.RunAsync("audit", "list", "--json", "--limit", "1000", "--connection", azurite.ConnectionString);
        Assert.True(cli.ExitCode == 0, cli.Error);
        Assert.Contains(JsonDocument.Parse(cli.Output).RootElement.EnumerateArray(), e => e.GetProperty("id").GetString() == fromApi.GetProperty("id").GetString());
    }

    private async Task StatusAsync(string orderId, params string[] statuses) =>
        await Eventually.GetAsync(
            async () =>
            {
                using var response = await _fabric.Client.GetAsync($"api/orders/shopify/{orderId}");
                if (!response.IsSuccessStatusCode)
                {
                    return false;
                }

                var status = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString();
                return Array.IndexOf(statuses, status) >= 0;
            },
            TimeSpan.FromSeconds(60),
            $"shopify order {orderId} to reach {string.Join(" or ", statuses)}");
}
