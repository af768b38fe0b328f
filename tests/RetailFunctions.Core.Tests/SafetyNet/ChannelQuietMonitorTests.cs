using Microsoft.Extensions.Logging.Abstractions;
using RetailFunctions.Core.Recovery;
using RetailFunctions.Core.Telemetry;
using RetailFunctions.Core.Tests.Fakes;
using RetailFunctions.Core.Tests.Inventory;

namespace RetailFunctions.Core.Tests.SafetyNet;

public sealed class ChannelQuietMonitorTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 9, 0, 0, TimeSpan.Zero);

    private readonly InMemoryChannelWatchStore _watches = new();
    private readonly RecordingRetailEvents _events = new();
    private readonly TestMeterFactory _meters = new();
    private readonly MutableTime _time = new(Now);

    public void Dispose() => _meters.Dispose();

    [Fact]
    public async Task CheckAsync_quietLongerThanThePeriod_alertsOncePerQuietSpell()
    {
        // Arrange
        _watches.Watches["walmart"] = ChannelWatch.None("walmart") with { WatchingSince = Now.AddHours(-3), LastWebhookAt = Now.AddHours(-2) };
        var monitor = Monitor();

        // Act
        var first = await monitor.CheckAsync("walmart", CancellationToken.None);
        var again = await monitor.CheckAsync("walmart", CancellationToken.None);

        // Assert
        Assert.True(first);
        Assert.False(again);
        Assert.Equal(Now, _watches.Watches["walmart"].QuietAlertAt);
        var alert = Assert.Single(_events.Published);
        Assert.Equal(ChannelQuietMonitor.QuietEventType, alert.EventType);
        Assert.Equal("walmart", alert.Channel);
    }

    [Fact]
    public async Task CheckAsync_webhookAfterTheAlertThenQuietAgain_alertsAgain()
    {
        // Arrange
        _watches.Watches["walmart"] = ChannelWatch.None("walmart") with { WatchingSince = Now.AddHours(-5), LastWebhookAt = Now.AddHours(-4), QuietAlertAt = Now.AddHours(-3) };
        var monitor = Monitor();
        await _watches.RecordWebhookAsync("walmart", Now.AddHours(-2), CancellationToken.None);

        // Act
        var raised = await monitor.CheckAsync("walmart", CancellationToken.None);

        // Assert
        Assert.True(raised);
        Assert.Single(_events.Published);
    }

    [Fact]
    public async Task CheckAsync_recentWebhookOrNeverWatched_raisesNothing()
    {
        // Arrange
        _watches.Watches["shopify"] = ChannelWatch.None("shopify") with { WatchingSince = Now.AddHours(-3), LastWebhookAt = Now.AddMinutes(-10) };
        var monitor = Monitor();

        // Act
        var recent = await monitor.CheckAsync("shopify", CancellationToken.None);
        var unwatched = await monitor.CheckAsync("amazon", CancellationToken.None);

        // Assert
        Assert.False(recent);
        Assert.False(unwatched);
        Assert.Empty(_events.Published);
    }

    private ChannelQuietMonitor Monitor() =>
        new(_watches, _events, new SafetyNetMetrics(_meters), new TestOptions<OrderRecoveryOptions>(new OrderRecoveryOptions { QuietPeriod = TimeSpan.FromHours(1) }), _time, NullLogger<ChannelQuietMonitor>.Instance);
}
