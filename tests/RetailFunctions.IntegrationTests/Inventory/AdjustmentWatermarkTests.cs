using RetailFunctions.Core.Inventory;
using RetailFunctions.Infrastructure.Inventory;
using RetailFunctions.IntegrationTests.Hosting;

namespace RetailFunctions.IntegrationTests.Inventory;

/// <summary>
/// The per-source sequence watermark that spares the adjustments gate a position read per item: only ever raised,
/// under concurrent admissions too, and a late adjustment below it still has its stale items found and reported.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class AdjustmentWatermarkTests(AzuriteFixture azurite) : IAsyncLifetime
{
    // A source of its own per test: the watermark row and the positions' sequence columns are per source.
    private readonly string _source = $"src{Guid.NewGuid():N}";
    private TableAdjustmentWatermarks _watermarks = null!;
    private TableInventoryPositions _positions = null!;

    public async Task InitializeAsync()
    {
        var storage = await InventoryStorage.CreateAsync(azurite);
        _watermarks = new TableAdjustmentWatermarks(storage);
        _positions = new TableInventoryPositions(storage);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Raise_concurrentAdmissionsInAnyOrder_endsAtTheHighestAndOnlyTheFirstFindsNone()
    {
        var sequences = Enumerable.Range(1, 40).Select(i => (long)i).OrderBy(_ => Random.Shared.Next()).ToArray();

        var found = await Task.WhenAll(sequences.Select(s => Task.Run(() => _watermarks.RaiseAsync(_source, s, CancellationToken.None))));

        Assert.Single(found, f => f is null);
        Assert.Equal(40, await _watermarks.RaiseAsync(_source, 0, CancellationToken.None));
        Assert.Equal(40, await _watermarks.RaiseAsync(_source, 41, CancellationToken.None));
        Assert.Equal(41, await _watermarks.RaiseAsync(_source, 41, CancellationToken.None));
    }

    [Fact]
    public async Task Raise_lowerSequence_leavesTheWatermarkAndReportsIt()
    {
        await _watermarks.RaiseAsync(_source, 100, CancellationToken.None);

        var found = await _watermarks.RaiseAsync(_source, 50, CancellationToken.None);

        Assert.Equal(100, found);
        Assert.Equal(100, await _watermarks.RaiseAsync(_source, 100, CancellationToken.None));
    }

    [Fact]
    public async Task Raise_positionsAppliedBeforeAnyWatermark_startsFromTheHighestSequenceTheyHold()
    {
        var sku = InventoryAdjustment.NewSku();
        await _positions.ApplyAsync(_source, 500, new AdjustmentItem(sku, "DC1", 10, 0), CancellationToken.None);
        await _positions.ApplyAsync(_source, 200, new AdjustmentItem(sku, "DC2", 10, 0), CancellationToken.None);

        var found = await _watermarks.RaiseAsync(_source, 300, CancellationToken.None);

        Assert.Equal(500, found);
        Assert.Equal(500, await _watermarks.RaiseAsync(_source, 400, CancellationToken.None));
    }
}
