using RetailFunctions.Core.Inventory;

namespace RetailFunctions.Core.Tests.Inventory;

public sealed class ChannelPushPlannerTests
{
    private static readonly DateTimeOffset Seen = new(2025, 3, 14, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Plan_valueEqualToLastPushed_isDroppedNotPushed()
    {
        PendingPush[] pending = [Push("SKU-1", 10), Push("SKU-2", 7)];
        var listings = new Dictionary<string, ChannelListing> { ["SKU-1"] = new("SKU-1", 10, Seen) };

        var plan = ChannelPushPlanner.Plan(pending, listings, new ChannelInventoryOptions(), lowStockThreshold: 5);

        Assert.Equal(["SKU-1"], plan.Unchanged.Select(p => p.Sku));
        Assert.Equal(["SKU-2"], plan.Batches.SelectMany(b => b).Select(p => p.Sku));
    }

    [Fact]
    public void Plan_lowStock_goesFirstEmptiestFirst()
    {
        PendingPush[] pending = [Push("SKU-A", 80, 0), Push("SKU-B", 4, 1), Push("SKU-C", 60, -5), Push("SKU-D", 0, 2)];

        var plan = ChannelPushPlanner.Plan(pending, new Dictionary<string, ChannelListing>(), new ChannelInventoryOptions(), lowStockThreshold: 5);

        Assert.Equal(["SKU-D", "SKU-B", "SKU-C", "SKU-A"], plan.Batches.SelectMany(b => b).Select(p => p.Sku));
    }

    [Fact]
    public void Plan_601Changes_batchesOf250()
    {
        var pending = Enumerable.Range(0, 601).Select(i => Push($"SKU-{i}", 50)).ToArray();

        var plan = ChannelPushPlanner.Plan(pending, new Dictionary<string, ChannelListing>(), new ChannelInventoryOptions { MaxBatchSize = 250 }, 5);

        Assert.Equal([250, 250, 101], plan.Batches.Select(b => b.Count));
    }

    [Fact]
    public void Plan_fewChangesWithSingleItemMode_onePerCall()
    {
        var pending = Enumerable.Range(0, 3).Select(i => Push($"SKU-{i}", 50)).ToArray();

        var plan = ChannelPushPlanner.Plan(pending, new Dictionary<string, ChannelListing>(), new ChannelInventoryOptions { MaxBatchSize = 10_000, SingleItemMaxCount = 20 }, 5);

        Assert.Equal([1, 1, 1], plan.Batches.Select(b => b.Count));
    }

    [Fact]
    public void Plan_manyChangesWithSingleItemMode_oneFeed()
    {
        var pending = Enumerable.Range(0, 21).Select(i => Push($"SKU-{i}", 50)).ToArray();

        var plan = ChannelPushPlanner.Plan(pending, new Dictionary<string, ChannelListing>(), new ChannelInventoryOptions { MaxBatchSize = 10_000, SingleItemMaxCount = 20 }, 5);

        Assert.Equal(21, Assert.Single(plan.Batches).Count);
    }

    private static PendingPush Push(string sku, int desired, int secondsAfter = 0) => new(sku, desired, Seen.AddSeconds(secondsAfter), "v1");
}
