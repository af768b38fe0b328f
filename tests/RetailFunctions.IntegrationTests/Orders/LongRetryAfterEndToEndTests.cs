using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Azure.Data.Tables;
using RetailFunctions.Core.BackOffice;
using RetailFunctions.IntegrationTests.Fabric;
using RetailFunctions.IntegrationTests.Hosting;
using Xunit.Abstractions;

namespace RetailFunctions.IntegrationTests.Orders;

/// <summary>
/// A channel throttling an order's acknowledgement with a <c>Retry-After</c> longer than
/// <c>BackOffice:Resilience:MaxInlineRetryAfter</c> (2 s): the activity gives up its slot at once and the orchestration
/// asks again on a durable timer, no sooner than the channel asked. The wait travels from the real client's exception
/// through the Durable sidecar's failure details to the orchestrator's retry handler.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class LongRetryAfterEndToEndTests(AzuriteFixture azurite, ITestOutputHelper output) : IAsyncLifetime
{
    private const string AcknowledgeOrder = "acknowledgeOrder";
    private static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(6);
    private readonly string _taskHub = "hub" + Guid.NewGuid().ToString("N")[..12];

    private FabricHost _fabric = null!;
    private FabricOrders _orders = null!;
    private SimulatorInbox _inbox = null!;

    public async Task InitializeAsync()
    {
        _fabric = await FabricHost.StartAsync(azurite, new Dictionary<string, string>
        {
            ["Inventory__SeedSampleCatalogue"] = "true",
            ["AzureFunctionsJobHost__extensions__durableTask__hubName"] = _taskHub,
        });
        _orders = new FabricOrders(_fabric.Client);
        _inbox = new SimulatorInbox(_fabric.Simulators.Client);
    }

    public async Task DisposeAsync() => await _fabric.DisposeAsync();

    [Fact]
    public async Task WalmartAcknowledgementThrottledWithRetryAfter6s_isAskedAgainOnlyAfterItAndTheOrderCompletesWithOneErpOrder()
    {
        // Arrange
        var (purchaseOrderId, _, body) = WalmartWebhook.NewOrder();
        await WalmartWebhook.SeedAsync(_fabric.Simulators.Client, purchaseOrderId);
        using (var fault = await _fabric.Simulators.Client.PostAsJsonAsync(
            "_sim/faults/walmart", new { status = 429, retryAfterSeconds = (int)RetryAfter.TotalSeconds, count = 1, operation = AcknowledgeOrder }))
        {
            fault.EnsureSuccessStatusCode();
        }

        // Act
        using var response = await _fabric.Client.SendAsync(WalmartWebhook.Request(body));
        await Eventually.GetAsync(async () => (await AcknowledgementsAsync()).Faulted == 1, TimeSpan.FromSeconds(30), "the throttled acknowledgement");
        var throttledSeen = Stopwatch.GetTimestamp();
        await Eventually.GetAsync(async () => (await AcknowledgementsAsync()).Requests == 2, TimeSpan.FromSeconds(30), "the acknowledgement asked again");
        var askedAgainAfter = Stopwatch.GetElapsedTime(throttledSeen);
        output.WriteLine($"Throttled acknowledgement asked again after {askedAgainAfter.TotalSeconds:0.00} s (Retry-After {RetryAfter.TotalSeconds:0} s).");

        // Assert: the plain backoff would have asked again after 2 s; both timestamps are polled every 100 ms.
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.True(askedAgainAfter >= RetryAfter - TimeSpan.FromMilliseconds(300), $"Asked again after {askedAgainAfter.TotalSeconds:0.0} s.");
        await _orders.WaitForStatusAsync("walmart", purchaseOrderId, "Completed");
        Assert.Equal((2, 1), await AcknowledgementsAsync());
        Assert.Single(await _inbox.ReceivedAsync("walmart", "acknowledgements", purchaseOrderId));
        Assert.Single(await _inbox.ErpOrdersForAsync($"order-walmart-{purchaseOrderId}"));
        // Waited out inline, the activity would have succeeded after one slow call: it failed at once instead, naming the wait.
        var history = await HistoryAsync($"order-walmart-{purchaseOrderId}");
        Assert.Contains(history, e => e.GetString("EventType") == "TaskFailed" && ((IDictionary<string, object>)e).Values.OfType<string>().Any(IsTheThrottledAcknowledgement));
        Assert.Contains(history, e => e.GetString("EventType") == "TimerCreated");
    }

    private static bool IsTheThrottledAcknowledgement(string text) =>
        text.Contains("walmart unavailable for acknowledgeOrder (429)", StringComparison.Ordinal) && RetryAfterHint.Read(text) == RetryAfter;

    private async Task<List<TableEntity>> HistoryAsync(string instanceId)
    {
        var table = new TableClient(azurite.ConnectionString, $"{_taskHub}History");
        var events = new List<TableEntity>();
        await foreach (var entity in table.QueryAsync<TableEntity>(e => e.PartitionKey == instanceId))
        {
            events.Add(entity);
        }

        return events;
    }

    private async Task<(long Requests, long Faulted)> AcknowledgementsAsync()
    {
        var counters = await _fabric.Simulators.Client.GetFromJsonAsync<JsonElement>("_sim/walmart/counters");
        return counters.TryGetProperty(AcknowledgeOrder, out var c) ? (c.GetProperty("requests").GetInt64(), c.GetProperty("faulted").GetInt64()) : (0, 0);
    }
}
