using Microsoft.Extensions.Logging;
using RetailFunctions.Core.Inventory;
using RetailFunctions.Core.Telemetry;
using RetailFunctions.Core.Tests.Fakes;

namespace RetailFunctions.Core.Tests.Inventory;

/// <summary>Every log line of the inventory handlers names the SKU(s) it is about, through a logging scope.</summary>
public sealed class InventoryLogScopeTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2025, 3, 14, 12, 0, 0, TimeSpan.Zero);
    private readonly InMemoryInventoryPositions _positions = new();
    private readonly InMemoryInventorySync _sync = new();
    private readonly TestMeterFactory _meters = new();
    private readonly TestOptions<InventoryOptions> _options = new(new InventoryOptions
    {
        Channels = new(StringComparer.OrdinalIgnoreCase) { [InventoryChannels.Shopify] = InventoryChannels.Defaults(InventoryChannels.Shopify) },
    });

    [Fact]
    public async Task ChangeHandler_staleItem_lineCarriesItsSkuAndLocationAndTheMessageSkus()
    {
        // Arrange
        var logger = new ScopeRecordingLogger<InventoryChangeHandler>();
        var handler = new InventoryChangeHandler(_positions, new InventoryAvailability(_positions, _sync, _options), logger);
        await handler.HandleAsync(Change(5, ("SKU-2", 4)), CancellationToken.None);

        // Act
        await handler.HandleAsync(Change(4, ("SKU-1", 7), ("SKU-2", 9)), CancellationToken.None);

        // Assert
        var stale = Assert.Single(logger.Lines, l => l.Level == LogLevel.Warning);
        Assert.Equal(("SKU-2", "DC1"), (stale.Scope[RetailLogScopes.Sku], stale.Scope[RetailLogScopes.Location]));
        Assert.Equal("SKU-1,SKU-2", stale.Scope[RetailLogScopes.Skus]);
        Assert.All(logger.Lines, l => Assert.True(l.Scope.ContainsKey(RetailLogScopes.Skus), l.Message));
    }

    [Fact]
    public async Task FanOut_channelThrottled_restingLineCarriesTheBatchSkus()
    {
        // Arrange
        var logger = new ScopeRecordingLogger<InventoryFanOut>();
        var shopify = new RecordingChannelApi(InventoryChannels.Shopify) { ThrottleNext = 1, RetryAfter = TimeSpan.FromSeconds(3) };
        var availability = new InventoryAvailability(_positions, _sync, _options);
        var fanOut = new InventoryFanOut(_sync, availability, [shopify], new InventoryMetrics(_meters), new ManualTimeProvider(Now), _options, logger);
        foreach (var sku in new[] { "SKU-7", "SKU-8" })
        {
            _positions.Set(StockPosition.Empty(sku, "DC1") with { OnHand = 20 });
            await availability.MarkChangedAsync([sku], Now, CancellationToken.None);
        }

        // Act
        await fanOut.DispatchAsync(InventoryChannels.Shopify, CancellationToken.None);

        // Assert
        var resting = Assert.Single(logger.Lines);
        Assert.Equal(LogLevel.Warning, resting.Level);
        Assert.Equal(["SKU-7", "SKU-8"], ((string)resting.Scope[RetailLogScopes.Skus]).Split(',').Order());
    }

    public void Dispose() => _meters.Dispose();

    private static InventoryChange Change(long sequence, params (string Sku, long OnHand)[] items) =>
        new("erp", sequence, Now, Now, [.. items.Select(i => new AdjustmentItem(i.Sku, "DC1", i.OnHand, 0))], null);
}
