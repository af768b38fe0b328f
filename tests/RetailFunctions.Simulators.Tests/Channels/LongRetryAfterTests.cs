using Microsoft.Extensions.DependencyInjection;
using RetailFunctions.Core.BackOffice;
using RetailFunctions.Simulators.Tests.Hosting;

namespace RetailFunctions.Simulators.Tests.Channels;

/// <summary>
/// <c>BackOffice:Resilience:MaxInlineRetryAfter</c>: inside a <see cref="RetryLaterScope"/> (a Durable activity) a longer
/// <c>Retry-After</c> ends the call at once; a shorter one, or any outside the scope, is waited out and retried inline.
/// </summary>
public sealed class LongRetryAfterTests : IAsyncLifetime
{
    private SimulatorHost _sim = null!;

    public async Task InitializeAsync() =>
        _sim = await SimulatorHost.StartAsync(clientSettings: new Dictionary<string, string?>
        {
            // The production default (2 s) with a total timeout that would let a 30 s Retry-After be waited out inline.
            ["BackOffice:Resilience:MaxInlineRetryAfter"] = "00:00:02",
            ["BackOffice:Resilience:TotalTimeout"] = "00:01:30",
        });

    public async Task DisposeAsync() => await _sim.DisposeAsync();

    [Fact]
    public async Task ShopifyPushTrackingAsync_429WithRetryAfter30sInRetryLaterScope_throwsAtOnceWithRetryAfterAfterOneRequest()
    {
        // Arrange
        await _sim.FaultAsync("shopify", new { status = 429, retryAfterSeconds = 30, count = 1, operation = "graphql" });
        var started = TimeProvider.System.GetTimestamp();

        // Act
        BackOfficeUnavailableException exception;
        using (RetryLaterScope.Begin())
        {
            exception = await Assert.ThrowsAsync<BackOfficeUnavailableException>(
                () => Shopify().PushTrackingAsync("5551234567890", Tracking(), "shipment-1", CancellationToken.None));
        }

        // Assert
        Assert.True(TimeProvider.System.GetElapsedTime(started) < TimeSpan.FromSeconds(5));
        Assert.Equal(429, exception.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(30), exception.RetryAfter);
        Assert.Contains(RetryAfterHint.Describe(TimeSpan.FromSeconds(30)), exception.Message, StringComparison.Ordinal);
        Assert.Equal((1, 1, 0, 0), await _sim.CountersAsync("shopify", "graphql"));
        Assert.Empty((await _sim.GetJsonAsync("/_sim/shopify/tracking")).AsArray());
    }

    [Fact]
    public async Task ShopifyPushTrackingAsync_429WithRetryAfter1sInRetryLaterScope_retriesInlineAndSucceeds()
    {
        // Arrange
        await _sim.FaultAsync("shopify", new { status = 429, retryAfterSeconds = 1, count = 1, operation = "graphql" });
        var started = TimeProvider.System.GetTimestamp();

        // Act
        using (RetryLaterScope.Begin())
        {
            await Shopify().PushTrackingAsync("5551234567890", Tracking(), "shipment-1", CancellationToken.None);
        }

        // Assert: the configured backoff is 10 ms, so only Retry-After explains a wait of about a second.
        Assert.True(TimeProvider.System.GetElapsedTime(started) >= TimeSpan.FromMilliseconds(900));
        Assert.Equal((2, 1, 0, 0), await _sim.CountersAsync("shopify", "graphql"));
        Assert.Single((await _sim.GetJsonAsync("/_sim/shopify/tracking")).AsArray());
    }

    [Fact]
    public async Task CreateSalesOrderAsync_503WithRetryAfter30sInRetryLaterScope_throwsAtOnceWithRetryAfterAfterOneRequest()
    {
        // Arrange
        await _sim.FaultAsync("erp", new { status = 503, retryAfterSeconds = 30, count = 1 });
        var erp = _sim.Client<IErpClient>();

        // Act
        BackOfficeUnavailableException exception;
        using (RetryLaterScope.Begin())
        {
            exception = await Assert.ThrowsAsync<BackOfficeUnavailableException>(
                () => erp.CreateSalesOrderAsync(BackOfficeSamples.SalesOrder(), "order-shopify-5551234567890", CancellationToken.None));
        }

        // Assert
        Assert.Equal(TimeSpan.FromSeconds(30), exception.RetryAfter);
        Assert.Equal((1, 1, 0, 0), await _sim.CountersAsync("erp", "createSalesOrder"));
        Assert.Empty((await _sim.GetJsonAsync("/_sim/erp/orders")).AsArray());
    }

    [Fact]
    public async Task CreateSalesOrderAsync_429WithRetryAfter3sOutsideRetryLaterScope_waitsItOutAndSucceeds()
    {
        // Arrange: a blob or queue trigger, whose redeliveries count towards poison, keeps waiting inline.
        await _sim.FaultAsync("erp", new { status = 429, retryAfterSeconds = 3, count = 1 });
        var started = TimeProvider.System.GetTimestamp();

        // Act
        var erpOrderId = await _sim.Client<IErpClient>().CreateSalesOrderAsync(BackOfficeSamples.SalesOrder(), "order-shopify-5551234567890", CancellationToken.None);

        // Assert
        Assert.StartsWith("SO-", erpOrderId, StringComparison.Ordinal);
        Assert.True(TimeProvider.System.GetElapsedTime(started) >= TimeSpan.FromMilliseconds(2900));
        Assert.Equal((2, 1, 0, 0), await _sim.CountersAsync("erp", "createSalesOrder"));
    }

    private IChannelOrderApi Shopify() => _sim.Clients.GetServices<IChannelOrderApi>().Single(c => c.Channel == "shopify");

    private static TrackingUpdate Tracking() =>
        new("UPS", "1Z999AA10123456784", "https://www.ups.com/track?tracknum=1Z999AA10123456784", DateTimeOffset.UtcNow, [new FulfilmentLine("SKU-1500", 2)]);
}
