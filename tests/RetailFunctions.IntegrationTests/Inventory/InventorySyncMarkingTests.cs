using RetailFunctions.Core.Inventory;
using RetailFunctions.Infrastructure.Inventory;
using RetailFunctions.IntegrationTests.Hosting;

namespace RetailFunctions.IntegrationTests.Inventory;

/// <summary>The sync table's pending rows against Azurite: marked a chunk at a time, first-seen times kept.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class InventorySyncMarkingTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private static readonly DateTimeOffset First = new(2026, 11, 26, 9, 0, 0, TimeSpan.Zero);
    private readonly string _channel = $"ch{Guid.NewGuid():N}";
    private TableInventorySync _sync = null!;

    public async Task InitializeAsync()
    {
        _sync = new TableInventorySync(await InventoryStorage.CreateAsync(azurite));
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task MarkPending_someSkusAlreadyPending_addsTheNewOnesAndKeepsTheFirstSeenTimeOfTheOthers()
    {
        await _sync.MarkPendingAsync(_channel, ["SKU-1001", "SKU-1003"], First, CancellationToken.None);
        var before = (await _sync.PendingAsync(_channel, 10, CancellationToken.None)).ToDictionary(p => p.Sku);

        await _sync.MarkPendingAsync(_channel, ["SKU-1001", "SKU-1002", "SKU-1003", "SKU-1004"], First.AddMinutes(5), CancellationToken.None);

        var after = (await _sync.PendingAsync(_channel, 10, CancellationToken.None)).ToDictionary(p => p.Sku);
        Assert.Equal(["SKU-1001", "SKU-1002", "SKU-1003", "SKU-1004"], after.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(First, after["SKU-1001"].FirstSeenAt);
        Assert.Equal(First, after["SKU-1003"].FirstSeenAt);
        Assert.Equal(First.AddMinutes(5), after["SKU-1002"].FirstSeenAt);
        // Touched, so a push that read the old version does not clear the newer change.
        Assert.NotEqual(before["SKU-1001"].Version, after["SKU-1001"].Version);
    }

    [Fact]
    public async Task MarkPending_moreThanOneTransactionOfSkus_marksEveryOneOnce()
    {
        var skus = Enumerable.Range(0, 250).Select(i => $"SKU-{2000 + i}").ToArray();
        await _sync.MarkPendingAsync(_channel, skus[..120], First, CancellationToken.None);

        await _sync.MarkPendingAsync(_channel, [.. skus, .. skus[..10]], First.AddSeconds(1), CancellationToken.None);

        var pending = await _sync.PendingAsync(_channel, 1000, CancellationToken.None);
        Assert.Equal(skus.Order(StringComparer.Ordinal), pending.Select(p => p.Sku).Order(StringComparer.Ordinal));
        Assert.All(pending, p => Assert.Equal(string.CompareOrdinal(p.Sku, "SKU-2120") < 0 ? First : First.AddSeconds(1), p.FirstSeenAt));
    }

    [Fact]
    public async Task Confirm_someSkusChangedOrClearedDuringThePush_clearsOnlyThoseUnchangedSinceRead()
    {
        var skus = Enumerable.Range(0, 150).Select(i => $"SKU-{3000 + i}").ToArray();
        await _sync.MarkPendingAsync(_channel, skus, First, CancellationToken.None);
        var read = await _sync.PendingAsync(_channel, 1000, CancellationToken.None);
        var changed = skus.Where((_, i) => i % 15 == 4).ToArray();
        await _sync.MarkPendingAsync(_channel, changed, First.AddSeconds(1), CancellationToken.None);
        var pushes = read.Select(p => new PendingPush(p.Sku, 5, p.FirstSeenAt, p.Version, p.LastMarkedAt)).ToArray();
        await _sync.DropAsync(_channel, pushes.Where((_, i) => i % 10 == 0).ToArray(), CancellationToken.None);

        await _sync.ConfirmAsync(_channel, pushes, First.AddSeconds(2), CancellationToken.None);

        var pending = await _sync.PendingAsync(_channel, 1000, CancellationToken.None);
        Assert.Equal(changed, pending.Select(p => p.Sku).Order(StringComparer.Ordinal));
        Assert.Equal(150, (await _sync.ListingsAsync(_channel, skus, CancellationToken.None)).Count);
    }
}
