using Microsoft.Extensions.Logging.Abstractions;
using RetailFunctions.Core.Inventory;
using RetailFunctions.Core.Tests.Fakes;

namespace RetailFunctions.Core.Tests.Inventory;

public sealed class InventoryFanOutTests : IDisposable
{
    private readonly ManualTimeProvider _time = new(new DateTimeOffset(2025, 3, 14, 12, 0, 0, TimeSpan.Zero));
    private readonly InMemoryInventoryPositions _positions = new();
    private readonly InMemoryInventorySync _sync = new();
    private readonly RecordingChannelApi _shopify = new(InventoryChannels.Shopify);
    private readonly RecordingChannelApi _amazon = new(InventoryChannels.Amazon);
    private readonly TestMeterFactory _meters = new();
    private readonly InventoryAvailability _availability;
    private readonly InventoryFanOut _fanOut;

    public InventoryFanOutTests()
    {
        var options = new InventoryOptions
        {
            SafetyStock = 2,
            Channels = new(StringComparer.OrdinalIgnoreCase)
            {
                [InventoryChannels.Shopify] = InventoryChannels.Defaults(InventoryChannels.Shopify),
                [InventoryChannels.Amazon] = InventoryChannels.Defaults(InventoryChannels.Amazon),
            },
        };
        var monitor = new TestOptions<InventoryOptions>(options);
        _availability = new InventoryAvailability(_positions, _sync, monitor);
        _fanOut = new InventoryFanOut(_sync, _availability, [_shopify, _amazon], new InventoryMetrics(_meters), _time, monitor, NullLogger<InventoryFanOut>.Instance);
    }

    [Fact]
    public async Task Dispatch_burstOfChangesToOneSku_pushesOnlyTheLatestValueOnce()
    {
        for (var onHand = 50; onHand >= 40; onHand--)
        {
            await ChangeAsync("SKU-1", onHand);
        }

        await _fanOut.DispatchAsync(InventoryChannels.Shopify, CancellationToken.None);

        var call = Assert.Single(_shopify.Calls);
        Assert.Equal(new ChannelQuantity("SKU-1", 38), Assert.Single(call));
    }

    [Fact]
    public async Task Dispatch_valueUnchangedSinceLastPush_isNotPushedAgain()
    {
        await ChangeAsync("SKU-1", 10);
        await _fanOut.DispatchAsync(InventoryChannels.Shopify, CancellationToken.None);
        await ChangeAsync("SKU-1", 10);

        await _fanOut.DispatchAsync(InventoryChannels.Shopify, CancellationToken.None);

        Assert.Single(_shopify.Calls);
        Assert.Equal(0, _sync.PendingCount(InventoryChannels.Shopify));
    }

    [Fact]
    public async Task Dispatch_600Skus_threeShopifyCallsLowStockFirst()
    {
        for (var i = 0; i < 600; i++)
        {
            await ChangeAsync($"SKU-{i:D4}", i == 599 ? 3 : 100);
        }

        await _fanOut.DispatchAsync(InventoryChannels.Shopify, CancellationToken.None);

        Assert.Equal([250, 250, 100], _shopify.Calls.Select(c => c.Count));
        Assert.Equal(new ChannelQuantity("SKU-0599", 1), _shopify.Calls[0][0]);
    }

    [Fact]
    public async Task Dispatch_channelThrottled_restsForRetryAfterWhileOtherChannelsPush()
    {
        await ChangeAsync("SKU-1", 20);
        _shopify.ThrottleNext = 1;
        _shopify.RetryAfter = TimeSpan.FromSeconds(3);

        await _fanOut.DispatchAsync(InventoryChannels.Shopify, CancellationToken.None);
        await _fanOut.DispatchAsync(InventoryChannels.Amazon, CancellationToken.None);
        _time.Advance(TimeSpan.FromSeconds(2));
        await _fanOut.DispatchAsync(InventoryChannels.Shopify, CancellationToken.None);

        Assert.Empty(_shopify.Calls);
        Assert.Equal(18, _amazon.Last()["SKU-1"]);

        _time.Advance(TimeSpan.FromSeconds(1.5));
        await _fanOut.DispatchAsync(InventoryChannels.Shopify, CancellationToken.None);

        Assert.Equal(18, _shopify.Last()["SKU-1"]);
    }

    [Fact]
    public async Task Dispatch_changeArrivesDuringThrottle_theLatestValueWinsAfterwards()
    {
        await ChangeAsync("SKU-1", 20);
        _shopify.ThrottleNext = 1;
        await _fanOut.DispatchAsync(InventoryChannels.Shopify, CancellationToken.None);
        await ChangeAsync("SKU-1", 12);
        _time.Advance(TimeSpan.FromMinutes(1));

        await _fanOut.DispatchAsync(InventoryChannels.Shopify, CancellationToken.None);

        Assert.Equal(new ChannelQuantity("SKU-1", 10), Assert.Single(Assert.Single(_shopify.Calls)));
    }

    [Fact]
    public async Task Dispatch_amazonTrickle_goesByListingsPatches()
    {
        await ChangeAsync("SKU-1", 20);
        await ChangeAsync("SKU-2", 30);

        await _fanOut.DispatchAsync(InventoryChannels.Amazon, CancellationToken.None);

        Assert.Equal([new ChannelQuantity("SKU-1", 18), new ChannelQuantity("SKU-2", 28)], _amazon.Singles.OrderBy(q => q.Sku));
        Assert.Empty(_amazon.Calls);
        Assert.Equal(0, _sync.PendingCount(InventoryChannels.Amazon));
    }

    [Fact]
    public async Task Dispatch_amazonBeyondItsPatchRate_patchesWhatTheRateAllowsAndFeedsTheRestAfterBatchAfter()
    {
        for (var i = 0; i < 30; i++)
        {
            await ChangeAsync($"SKU-{i:D2}", 50 + i);
        }

        await _fanOut.DispatchAsync(InventoryChannels.Amazon, CancellationToken.None);
        Assert.Equal(10, _amazon.Singles.Count);
        Assert.Empty(_amazon.Calls);

        _time.Advance(TimeSpan.FromSeconds(5));
        await _fanOut.DispatchAsync(InventoryChannels.Amazon, CancellationToken.None);

        Assert.Equal(20, _amazon.Singles.Count);
        Assert.Equal(10, Assert.Single(_amazon.Calls).Count);
        Assert.Equal(Enumerable.Range(0, 30).ToDictionary(i => $"SKU-{i:D2}", i => 48 + i), _amazon.Last());
        Assert.Equal(0, _sync.PendingCount(InventoryChannels.Amazon));
    }

    [Fact]
    public async Task Dispatch_amazonFeedThrottled_patchesKeepFlowing()
    {
        _amazon.ThrottleBatchesOnly = true;
        _amazon.ThrottleNext = 1;
        _amazon.RetryAfter = TimeSpan.FromMinutes(2);
        for (var i = 0; i < 30; i++)
        {
            await ChangeAsync($"SKU-{i:D2}", 50);
        }

        await _fanOut.DispatchAsync(InventoryChannels.Amazon, CancellationToken.None);
        _time.Advance(TimeSpan.FromSeconds(5));
        await _fanOut.DispatchAsync(InventoryChannels.Amazon, CancellationToken.None);
        Assert.Equal(20, _amazon.Singles.Count);
        for (var second = 0; second < 2; second++)
        {
            _time.Advance(TimeSpan.FromSeconds(1));
            await _fanOut.DispatchAsync(InventoryChannels.Amazon, CancellationToken.None);
        }

        Assert.Empty(_amazon.Calls);
        Assert.Equal(30, _amazon.Singles.Count);
        Assert.Equal(0, _sync.PendingCount(InventoryChannels.Amazon));
    }

    public void Dispose() => _meters.Dispose();

    private async Task ChangeAsync(string sku, long onHand)
    {
        _positions.Set(StockPosition.Empty(sku, "DC1") with { OnHand = onHand });
        await _availability.MarkChangedAsync([sku], _time.GetUtcNow(), CancellationToken.None);
    }
}
