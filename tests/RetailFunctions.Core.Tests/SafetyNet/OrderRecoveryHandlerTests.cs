using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using RetailFunctions.Core.Recovery;
using RetailFunctions.Core.Telemetry;
using RetailFunctions.Core.Tests.Fakes;
using RetailFunctions.Core.Tests.Inventory;
using RetailFunctions.Core.Webhooks;

namespace RetailFunctions.Core.Tests.SafetyNet;

public sealed class OrderRecoveryHandlerTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 9, 0, 0, TimeSpan.Zero);

    private readonly FakeOrderFeed _feed = new("shopify", pageSize: 2);
    private readonly InMemoryChannelWatchStore _watches = new();
    private readonly FakeOrderLedger _ledger = new();
    private readonly InMemoryWebhookReceipts _receipts = new();
    private readonly FakeRawWebhookArchive _archive = new();
    private readonly RecordingChannelEventQueue _queue = new();
    private readonly TestMeterFactory _meters = new();
    private readonly MutableTime _time = new(Now);
    private readonly OrderRecoveryOptions _options = new() { PollInterval = TimeSpan.FromMinutes(5), Overlap = TimeSpan.FromMinutes(10), Grace = TimeSpan.FromMinutes(1) };

    public void Dispose() => _meters.Dispose();

    [Fact]
    public async Task PollIfDueAsync_unknownOrdersOverSeveralPages_admitsEachAsItsChannelsWebhookAndMovesTheWatermark()
    {
        // Arrange
        _watches.Watches["shopify"] = ChannelWatch.None("shopify") with { Watermark = Now.AddMinutes(-30), LastPolledAt = Now.AddMinutes(-6) };
        AddOrders(("1001", -20), ("1002", -15), ("1003", -12), ("1004", -5));
        await _ledger.RecordAsync(TestOrders.Order("shopify", "1002"), CancellationToken.None);

        // Act
        var run = await Handler().PollIfDueAsync("shopify", CancellationToken.None);

        // Assert
        Assert.NotNull(run);
        Assert.Equal(Now.AddMinutes(-40), run.Since);
        Assert.Equal(2, run.Pages);
        Assert.Equal(4, run.Listed);
        Assert.Equal(3, run.Recovered);
        Assert.Equal(["1001", "1003", "1004"], _queue.Enqueued.Select(e => Encoding.UTF8.GetString(_archive.Bodies[e.BlobPath])));
        Assert.All(_queue.Enqueued, e => Assert.Equal(("shopify", "orders/create"), (e.Channel, e.Topic)));
        Assert.Equal(Now.AddMinutes(-1), _watches.Watches["shopify"].Watermark);
        Assert.Equal(3, _watches.Watches["shopify"].RecoveredOrders);
    }

    [Fact]
    public async Task PollIfDueAsync_orderWithinGrace_isLeftToItsWebhookAndSeenByTheNextPoll()
    {
        // Arrange
        _watches.Watches["shopify"] = ChannelWatch.None("shopify") with { Watermark = Now.AddMinutes(-5) };
        AddOrders(("2001", 0));
        var handler = Handler();

        // Act
        var first = await handler.PollIfDueAsync("shopify", CancellationToken.None);
        _time.Now = Now.AddMinutes(6);
        var second = await handler.PollIfDueAsync("shopify", CancellationToken.None);

        // Assert
        Assert.Equal(0, first!.Recovered);
        Assert.Equal(1, second!.Recovered);
        Assert.Single(_queue.Enqueued);
    }

    [Fact]
    public async Task PollIfDueAsync_sameUnknownOrderPolledTwice_isAdmittedOnce()
    {
        // Arrange: ingestion has not reached the ledger between the two polls.
        _watches.Watches["shopify"] = ChannelWatch.None("shopify") with { Watermark = Now.AddMinutes(-5) };
        AddOrders(("3001", -3));
        var handler = Handler();
        await handler.PollIfDueAsync("shopify", CancellationToken.None);
        _time.Now = Now.AddMinutes(6);

        // Act
        var second = await handler.PollIfDueAsync("shopify", CancellationToken.None);

        // Assert
        Assert.Equal(0, second!.Recovered);
        Assert.Single(_queue.Enqueued);
        Assert.Equal(1, _watches.Watches["shopify"].RecoveredOrders);
    }

    [Fact]
    public async Task PollIfDueAsync_previousPollStillRunning_skips()
    {
        // Arrange
        _feed.Hold = new TaskCompletionSource();
        var handler = Handler();
        var running = handler.PollIfDueAsync("shopify", CancellationToken.None);

        // Act
        var overlapping = await handler.PollIfDueAsync("shopify", CancellationToken.None);
        _feed.Hold.SetResult();
        var finished = await running;

        // Assert
        Assert.Null(overlapping);
        Assert.NotNull(finished);
        Assert.Single(_feed.Requested);
    }

    [Fact]
    public async Task PollIfDueAsync_notDueYet_listsNothing()
    {
        // Arrange
        _watches.Watches["shopify"] = ChannelWatch.None("shopify") with { Watermark = Now.AddMinutes(-5), LastPolledAt = Now.AddMinutes(-1) };

        // Act
        var run = await Handler().PollIfDueAsync("shopify", CancellationToken.None);

        // Assert
        Assert.Null(run);
        Assert.Empty(_feed.Requested);
    }

    [Fact]
    public async Task PollIfDueAsync_firstPollEver_startsAtTheInitialLookbackNotBeforeIt()
    {
        // Arrange
        AddOrders(("4001", -120));

        // Act
        var run = await Handler().PollIfDueAsync("shopify", CancellationToken.None);

        // Assert
        Assert.Equal(Now, Assert.Single(_feed.Requested));
        Assert.Equal(0, run!.Recovered);
        Assert.Equal(Now, _watches.Watches["shopify"].WatchingSince);
    }

    private void AddOrders(params (string Id, int MinutesAgo)[] orders) =>
        _feed.Orders.AddRange(orders.Select(o => new RecoverableOrder(o.Id, Now.AddMinutes(o.MinutesAgo), "orders/create", Encoding.UTF8.GetBytes(o.Id))));

    private OrderRecoveryHandler Handler()
    {
        var gate = new WebhookGate(_receipts, _archive, _queue, _watches, _time, Options.Create(new WebhookOptions()), new RetailMetrics(_meters), NullLogger<WebhookGate>.Instance);
        return new OrderRecoveryHandler([_feed], _watches, _ledger, gate, new SafetyNetMetrics(_meters), new TestOptions<OrderRecoveryOptions>(_options), _time, NullLogger<OrderRecoveryHandler>.Instance);
    }
}
