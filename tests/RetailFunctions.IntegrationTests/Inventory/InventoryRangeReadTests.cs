using RetailFunctions.Core.Inventory;
using RetailFunctions.Infrastructure.Inventory;
using RetailFunctions.IntegrationTests.Hosting;

namespace RetailFunctions.IntegrationTests.Inventory;

/// <summary>
/// Many keys read with one range query give the same answer as reading each key on its own: SKUs whose table keys
/// are escaped ('|', '/', '#', '%', quotes, non-ASCII), SKUs with nothing stored, positions at several locations,
/// and keys spread so thin over a large partition that the range read gives up and reads the rest one by one. Positions
/// written from such a read keep the sequence rule and lose no concurrent write.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class InventoryRangeReadTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private static readonly DateTimeOffset PushedAt = new(2026, 11, 26, 9, 0, 0, TimeSpan.Zero);
    private static readonly string[] Odd = ["A|1", "A|1|", "A%7C1", "B/2", "C#3", "D%4", "E'5", "F?6", "G\\7", "H é 8", "I-ü|9", "J 10"];
    private readonly string _prefix = $"T{Guid.NewGuid():N}-";
    private readonly string _channel = $"ch{Guid.NewGuid():N}";
    private TableInventorySync _sync = null!;
    private TableInventoryPositions _positions = null!;

    public async Task InitializeAsync()
    {
        var storage = await InventoryStorage.CreateAsync(azurite);
        _sync = new TableInventorySync(storage);
        _positions = new TableInventoryPositions(storage);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Listings_manySkusWithEscapedKeys_sameAsReadingEachOnItsOwn()
    {
        var listed = Skus(40).Concat(Odd.Select(o => _prefix + o)).ToArray();
        await ConfirmAsync(listed);
        string[] wanted = [.. listed.Where((_, i) => i % 3 != 1), .. Skus(5).Select(s => s + "-never-pushed"), _prefix + "A"];

        var together = await _sync.ListingsAsync(_channel, wanted, CancellationToken.None);

        Assert.Equal(await OneByOneAsync(wanted), together.OrderBy(l => l.Key, StringComparer.Ordinal));
        Assert.Equal(listed.Where((_, i) => i % 3 != 1).Order(StringComparer.Ordinal), together.Keys.Order(StringComparer.Ordinal));
        Assert.All(together.Values, l => Assert.Equal((ValueOf(l.Sku), PushedAt), (l.LastPushed, l.LastPushedAt)));
    }

    [Fact]
    public async Task Listings_fewSkusSpreadOverALargePartition_sameAsReadingEachOnItsOwn()
    {
        var listed = Skus(2_500);
        await ConfirmAsync(listed);
        string[] wanted = [.. listed.Where((_, i) => i % 125 == 7), .. Skus(3).Select(s => s + "-never-pushed")];

        var together = await _sync.ListingsAsync(_channel, wanted, CancellationToken.None);

        Assert.Equal(20, together.Count);
        Assert.Equal(await OneByOneAsync(wanted), together.OrderBy(l => l.Key, StringComparer.Ordinal));
    }

    [Fact]
    public async Task Positions_manySkusAtSeveralLocations_sameAsReadingEachOnItsOwn()
    {
        var stocked = Skus(30).Concat(Odd.Select(o => _prefix + o)).ToArray();
        string[] locations = ["DC1", "DC|2", "STORE/001"];
        await Parallel.ForEachAsync(
            stocked.SelectMany((sku, i) => locations.Take(1 + (i % 3)).Select(location => new AdjustmentItem(sku, location, ValueOf(sku), 0))),
            async (item, token) => await _positions.ApplyAsync("erp", 1, item, token));
        string[] wanted = [.. stocked, _prefix + "unknown", _prefix + "A"];

        var together = await _positions.ForSkusAsync(wanted, CancellationToken.None);

        Assert.Equal(wanted.Order(StringComparer.Ordinal), together.Keys.Order(StringComparer.Ordinal));
        foreach (var sku in wanted)
        {
            var alone = await _positions.ForSkuAsync(sku, CancellationToken.None);
            Assert.Equal(Describe(alone), Describe(together[sku]));
        }

        Assert.Equal([1, 2, 3], [together[_prefix + "A|1"].Count, together[_prefix + "A|1|"].Count, together[_prefix + "A%7C1"].Count]);
        Assert.Empty(together[_prefix + "unknown"]);
    }

    [Fact]
    public async Task ApplyAll_messageOfManyItems_decidesAsOneByOneWould()
    {
        var skus = Skus(30).Concat(Odd.Select(o => _prefix + o)).ToArray();
        AdjustmentItem[] counts = [.. skus.Select(s => new AdjustmentItem(s, "DC1", 10, 0))];

        var first = await _positions.ApplyAllAsync("erp", 10, counts, CancellationToken.None);
        var again = await _positions.ApplyAllAsync("erp", 10, counts, CancellationToken.None);
        var older = await _positions.ApplyAllAsync("erp", 9, [.. skus.Select(s => new AdjustmentItem(s, "DC1", 99, 0))], CancellationToken.None);

        Assert.All(first, d => Assert.Equal(AdjustmentDecision.Applied, d));
        Assert.All(again, d => Assert.Equal(AdjustmentDecision.AlreadyApplied, d));
        Assert.All(older, d => Assert.Equal(AdjustmentDecision.Stale, d));
        var positions = await _positions.ForSkusAsync(skus, CancellationToken.None);
        Assert.All(skus, s => Assert.Equal((10L, 10L), (Assert.Single(positions[s]).OnHand, positions[s][0].LastSequence("erp")!.Value)));
    }

    [Fact]
    public async Task ApplyAll_twoMessagesOnTheSamePositionsAtOnce_losesNeitherMovement()
    {
        var skus = Skus(40);
        await _positions.ApplyAllAsync("erp", 10, [.. skus.Select(s => new AdjustmentItem(s, "DC1", 50, 0))], CancellationToken.None);

        var both = await Task.WhenAll(
            Task.Run(() => _positions.ApplyAllAsync("erp", 11, [.. skus.Select(s => new AdjustmentItem(s, "DC1", null, -3))], CancellationToken.None)),
            Task.Run(() => _positions.ApplyAllAsync("erp", 12, [.. skus.Select(s => new AdjustmentItem(s, "DC1", null, 7))], CancellationToken.None)));

        Assert.All(both.SelectMany(d => d), d => Assert.Equal(AdjustmentDecision.Applied, d));
        var positions = await _positions.ForSkusAsync(skus, CancellationToken.None);
        Assert.All(skus, s => Assert.Equal(54, Assert.Single(positions[s]).OnHand));
    }

    private string[] Skus(int count) => [.. Enumerable.Range(0, count).Select(i => $"{_prefix}{i:D5}")];

    private static int ValueOf(string sku) => sku.Length + sku.Sum(c => c) % 97;

    private async Task ConfirmAsync(IReadOnlyList<string> skus) =>
        await _sync.ConfirmAsync(_channel, [.. skus.Select(s => new PendingPush(s, ValueOf(s), PushedAt, "*", PushedAt))], PushedAt, CancellationToken.None);

    private async Task<IReadOnlyList<KeyValuePair<string, ChannelListing>>> OneByOneAsync(IEnumerable<string> skus)
    {
        var listings = new List<KeyValuePair<string, ChannelListing>>();
        foreach (var sku in skus.Order(StringComparer.Ordinal))
        {
            listings.AddRange(await _sync.ListingsAsync(_channel, [sku], CancellationToken.None));
        }

        return listings;
    }

    private static string[] Describe(IEnumerable<StockPosition> positions) =>
        [.. positions.Select(p => $"{p.Sku}@{p.Location}={p.OnHand}/{p.LastSequence("erp")}").Order(StringComparer.Ordinal)];
}
