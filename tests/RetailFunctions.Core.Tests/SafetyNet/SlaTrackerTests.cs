using Microsoft.Extensions.Logging.Abstractions;
using RetailFunctions.Core.Sla;
using RetailFunctions.Core.Telemetry;
using RetailFunctions.Core.Tests.Fakes;
using RetailFunctions.Core.Tests.Inventory;

namespace RetailFunctions.Core.Tests.SafetyNet;

public sealed class SlaTrackerTests : IDisposable
{
    private static readonly DateTimeOffset Start = new(2026, 11, 26, 9, 0, 0, TimeSpan.Zero);

    private readonly InMemorySlaStore _store = new();
    private readonly RecordingRetailEvents _events = new();
    private readonly TestMeterFactory _meters = new();
    private readonly MutableTime _time = new(Start);

    public void Dispose() => _meters.Dispose();

    [Fact]
    public async Task StopAsync_withinThreshold_raisesNothing()
    {
        // Arrange
        var tracker = Tracker();
        await tracker.StartAsync(SlaFlows.OrderToErp, "shopify/1", CancellationToken.None);
        _time.Now = Start.AddMinutes(4);

        // Act
        await tracker.StopAsync(SlaFlows.OrderToErp, "shopify/1", CancellationToken.None);

        // Assert
        Assert.Empty(_store.Breaches);
        Assert.Empty(_store.Clocks);
        Assert.Empty(_events.Published);
    }

    [Fact]
    public async Task CheckAsync_flowRunningPastThreshold_raisesOneBreachEvenWhenCheckedAgainAndStoppedLate()
    {
        // Arrange
        var tracker = Tracker();
        await tracker.StartAsync(SlaFlows.OrderToErp, "shopify/1", CancellationToken.None);
        await tracker.StartAsync(SlaFlows.OrderToErp, "shopify/2", CancellationToken.None);
        _time.Now = Start.AddMinutes(6);
        await tracker.StopAsync(SlaFlows.OrderToErp, "shopify/2", CancellationToken.None);

        // Act
        var first = await tracker.CheckAsync(CancellationToken.None);
        var second = await tracker.CheckAsync(CancellationToken.None);
        await tracker.StopAsync(SlaFlows.OrderToErp, "shopify/1", CancellationToken.None);

        // Assert
        Assert.Equal(1, first);
        Assert.Equal(0, second);
        Assert.Equal(2, _store.Breaches.Count);
        var running = _store.Breaches[(SlaFlows.OrderToErp, "shopify/1")];
        Assert.Null(running.CompletedAt);
        Assert.Equal(TimeSpan.FromMinutes(6), running.Elapsed);
        Assert.Equal(TimeSpan.FromMinutes(5), running.Threshold);
        Assert.NotNull(_store.Breaches[(SlaFlows.OrderToErp, "shopify/2")].CompletedAt);
        Assert.Equal(2, _events.Published.Count);
        Assert.All(_events.Published, e => Assert.Equal(SlaTracker.BreachedEventType, e.EventType));
        Assert.Equal("sla:OrderToErp:shopify/1", _events.Published.Single(e => e.AggregateId == "shopify/1").EventId);
    }

    [Fact]
    public async Task AbandonAsync_cancelledFlow_isNeverJudged()
    {
        // Arrange
        var tracker = Tracker();
        await tracker.StartAsync(SlaFlows.FulfilmentToShipment, "walmart/9", CancellationToken.None);
        await tracker.AbandonAsync(SlaFlows.FulfilmentToShipment, "walmart/9", CancellationToken.None);
        _time.Now = Start.AddDays(5);

        // Act
        var raised = await tracker.CheckAsync(CancellationToken.None);

        // Assert
        Assert.Equal(0, raised);
        Assert.Empty(_store.Breaches);
    }

    [Fact]
    public async Task JudgeAsync_inventoryConfirmedLate_raisesCompletedBreach()
    {
        // Arrange
        var tracker = Tracker();

        // Act
        await tracker.JudgeAsync(SlaFlows.InventoryToChannels, "amazon/inventory/SKU-1", Start, Start.AddMinutes(20), CancellationToken.None);
        await tracker.JudgeAsync(SlaFlows.InventoryToChannels, "amazon/inventory/SKU-2", Start, Start.AddMinutes(2), CancellationToken.None);

        // Assert
        var breach = Assert.Single(_store.Breaches.Values);
        Assert.Equal("amazon/inventory/SKU-1", breach.Subject);
        Assert.Equal(TimeSpan.FromMinutes(20), breach.Elapsed);
    }

    [Fact]
    public void Validate_nonPositiveThreshold_namesTheFlow()
    {
        // Act
        var problem = new SlaOptions { ReturnToRefund = TimeSpan.Zero }.Validate();

        // Assert
        Assert.Equal("Sla:ReturnToRefund must be a positive time span.", problem);
    }

    private SlaTracker Tracker() =>
        new(_store, _events, new SafetyNetMetrics(_meters), new TestOptions<SlaOptions>(new SlaOptions()), _time, NullLogger<SlaTracker>.Instance);
}

internal sealed class MutableTime(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now;
}
