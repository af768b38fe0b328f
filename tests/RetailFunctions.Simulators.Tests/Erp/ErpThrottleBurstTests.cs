using System.Diagnostics;
using System.Globalization;
using RetailFunctions.Core.BackOffice;
using RetailFunctions.Simulators.Tests.Hosting;
using Xunit.Abstractions;

namespace RetailFunctions.Simulators.Tests.Erp;

/// <summary>
/// The ERP port under a marketplace burst: 500 sales orders posted at once through the fabric's real ERP client
/// (router → throttle → resilience handler → HTTP) into the simulated ERP limited to 5 requests/s.
/// </summary>
public sealed class ErpThrottleBurstTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const int Orders = 500;
    private const int RequestsPerSecond = 5;

    private SimulatorHost _sim = null!;

    public async Task InitializeAsync()
    {
        var perSecond = RequestsPerSecond.ToString(CultureInfo.InvariantCulture);
        _sim = await SimulatorHost.StartAsync(
            new Dictionary<string, string?>
            {
                ["Simulators:RateLimits:erp:createSalesOrder:RatePerSecond"] = perSecond,
                ["Simulators:RateLimits:erp:createSalesOrder:Burst"] = perSecond,
            },
            new Dictionary<string, string?>
            {
                ["Erp:Throttling:RequestsPerSecond"] = perSecond,
                ["Erp:Throttling:Burst"] = perSecond,
                ["Erp:Throttling:MaxConcurrency"] = perSecond,
                // Each attempt waits for its token inside the attempt timeout: up to MaxConcurrency / rate = 1 s here.
                ["BackOffice:Resilience:AttemptTimeout"] = "00:00:05",
                ["BackOffice:Resilience:TotalTimeout"] = "00:01:00",
            });
    }

    public async Task DisposeAsync() => await _sim.DisposeAsync();

    [Fact]
    public async Task CreateSalesOrder_500AtOnceAgainstAnErpLimitedTo5PerSecond_allPostedOnceWithoutFailure()
    {
        // Arrange
        var erp = _sim.Client<IErpClient>();
        var keys = Enumerable.Range(1, Orders).Select(i => $"order-shopify-burst-{i:D4}").ToList();
        var clock = Stopwatch.StartNew();

        // Act
        var erpOrderIds = await Task.WhenAll(keys.Select(key =>
            erp.CreateSalesOrderAsync(BackOfficeSamples.SalesOrder(key) with { OrderKey = key }, key, CancellationToken.None)));
        var elapsed = clock.Elapsed;

        // Assert
        Assert.Equal(Orders, erpOrderIds.Distinct(StringComparer.Ordinal).Count());
        var documents = (await _sim.GetJsonAsync("/_sim/erp/orders")).AsArray();
        Assert.Equal(keys, documents.Select(d => (string)d!["order"]!["orderKey"]!).Order(StringComparer.Ordinal));
        var (requests, faulted, throttled, _) = await _sim.CountersAsync("erp", "createSalesOrder");
        Assert.Equal(0, faulted);
        Assert.Equal(Orders + throttled, requests);
        // The ERP's own limit allows 5/s after a burst of 5: posting faster than that would mean the limit was ignored.
        Assert.True(elapsed >= TimeSpan.FromSeconds((Orders - RequestsPerSecond) / (double)RequestsPerSecond) * 0.95, $"posted in {elapsed}");
        output.WriteLine($"{Orders} sales orders in {elapsed.TotalSeconds:0.0} s ({Orders / elapsed.TotalSeconds:0.00}/s); ERP saw {requests} requests, {throttled} answered 429, none failed.");
    }
}
