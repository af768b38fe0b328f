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

        var plan = Plan(pending, listings, new ChannelInventoryOptions());

        Assert.Equal(["SKU-1"], plan.Unchanged.Select(p => p.Sku));
        Assert.Equal(["SKU-2"], plan.Batches.SelectMany(b => b).Select(p => p.Sku));
    }

    [Fact]
    public void Plan_lowStock_goesFirstEmptiestFirst()
    {
        PendingPush[] pending = [Push("SKU-A", 80, 0), Push("SKU-B", 4, 1), Push("SKU-C", 60, -5), Push("SKU-D", 0, 2)];

        var plan = Plan(pending, [], new ChannelInventoryOptions());

        Assert.Equal(["SKU-D", "SKU-B", "SKU-C", "SKU-A"], plan.Batches.SelectMany(b => b).Select(p => p.Sku));
    }

    [Fact]
    public void Plan_601Changes_batchesOf250()
    {
        var pending = Enumerable.Range(0, 601).Select(i => Push($"SKU-{i}", 50)).ToArray();

        var plan = Plan(pending, [], new ChannelInventoryOptions { MaxBatchSize = 250 });

        Assert.Equal([250, 250, 101], plan.Batches.Select(b => b.Count));
    }

    [Fact]
    public void Plan_batchCallsLeft_limitTheBatches()
    {
        var pending = Enumerable.Range(0, 601).Select(i => Push($"SKU-{i}", 50)).ToArray();

        var plan = Plan(pending, [], new ChannelInventoryOptions { MaxBatchSize = 250 }, batchCalls: 2);

        Assert.Equal([250, 250], plan.Batches.Select(b => b.Count));
    }

    [Fact]
    public void Plan_noMoreValuesThanSingleCalls_onePerCallNoBatch()
    {
        var pending = Enumerable.Range(0, 3).Select(i => Push($"SKU-{i}", 50)).ToArray();

        var plan = Plan(pending, [], SingleAndFeed(), singleCalls: 5);

        Assert.Equal(["SKU-0", "SKU-1", "SKU-2"], plan.Singles.Select(p => p.Sku));
        Assert.Empty(plan.Batches);
    }

    [Fact]
    public void Plan_moreValuesThanSingleCalls_lowStockThenNewestSingly_restWaitsForTheFeed()
    {
        PendingPush[] pending = [Push("SKU-OLD", 50, 0), Push("SKU-MID", 50, 1), Push("SKU-NEW", 50, 2), Push("SKU-LOW", 2, 0)];

        var plan = Plan(pending, [], SingleAndFeed(), singleCalls: 2, now: Seen.AddSeconds(3.5));

        Assert.Equal(["SKU-LOW", "SKU-NEW"], plan.Singles.Select(p => p.Sku));
        Assert.Empty(plan.Batches);
    }

    [Fact]
    public void Plan_waitingValuesOlderThanBatchAfter_goAsOneFeed()
    {
        var pending = Enumerable.Range(0, 30).Select(i => Push($"SKU-{i:D2}", 50, i)).ToArray();

        var plan = Plan(pending, [], SingleAndFeed(), singleCalls: 5, now: Seen.AddSeconds(35));

        Assert.Equal(["SKU-29", "SKU-28", "SKU-27", "SKU-26", "SKU-25"], plan.Singles.Select(p => p.Sku).Reverse());
        Assert.Equal(Enumerable.Range(0, 25).Select(i => $"SKU-{i:D2}"), Assert.Single(plan.Batches).Select(p => p.Sku));
    }

    [Fact]
    public void Plan_noNewValueForBatchWhenQuietFor_theRestGoesAsAFeedBeforeBatchAfter()
    {
        var pending = Enumerable.Range(0, 30).Select(i => Push($"SKU-{i:D2}", 50)).ToArray();
        var rules = SingleAndFeed();
        rules.BatchAfter = TimeSpan.FromSeconds(15);

        var stillComing = Plan(pending, [], rules, singleCalls: 5, now: Seen.AddSeconds(1));
        var quiet = Plan(pending, [], rules, singleCalls: 5, now: Seen.AddSeconds(2));

        Assert.Empty(stillComing.Batches);
        Assert.Equal(25, Assert.Single(quiet.Batches).Count);
    }

    [Fact]
    public void Plan_fewFeedsLeft_valuesGatherProportionallyLonger()
    {
        var pending = Enumerable.Range(0, 30).Select(i => Push($"SKU-{i:D2}", 50)).ToArray();
        var rules = SingleAndFeed();
        rules.BatchCallBurst = 15;
        rules.BatchWhenQuietFor = TimeSpan.FromMinutes(10);

        var plentyLeft = Plan(pending, [], rules, singleCalls: 5, batchCalls: 15, now: Seen.AddSeconds(5));
        var threeLeftEarly = Plan(pending, [], rules, singleCalls: 5, batchCalls: 3, now: Seen.AddSeconds(24));
        var threeLeftLater = Plan(pending, [], rules, singleCalls: 5, batchCalls: 3, now: Seen.AddSeconds(25));

        Assert.Single(plentyLeft.Batches);
        Assert.Empty(threeLeftEarly.Batches);
        Assert.Single(threeLeftLater.Batches);
    }

    [Fact]
    public void Plan_fewFeedsLeft_theEndOfABurstStillGoesOnceQuiet()
    {
        var pending = Enumerable.Range(0, 30).Select(i => Push($"SKU-{i:D2}", 50)).ToArray();
        var rules = SingleAndFeed();
        rules.BatchCallBurst = 15;

        var plan = Plan(pending, [], rules, singleCalls: 5, batchCalls: 1, now: Seen.AddSeconds(2));

        Assert.Equal(25, Assert.Single(plan.Batches).Count);
    }

    [Fact]
    public void Plan_noFeedLeft_singleCallsServeTheOldestSoNoneStarves()
    {
        var pending = Enumerable.Range(0, 30).Select(i => Push($"SKU-{i:D2}", 50, i)).ToArray();

        var plan = Plan(pending, [], SingleAndFeed(), singleCalls: 5, batchCalls: 0, now: Seen.AddMinutes(5));

        Assert.Equal(["SKU-00", "SKU-01", "SKU-02", "SKU-03", "SKU-04"], plan.Singles.Select(p => p.Sku));
        Assert.Empty(plan.Batches);
    }

    [Fact]
    public void Plan_channelWithoutSingleCalls_batchesAtOnce()
    {
        var pending = Enumerable.Range(0, 3).Select(i => Push($"SKU-{i}", 50)).ToArray();

        var plan = Plan(pending, [], new ChannelInventoryOptions { MaxBatchSize = 250, BatchAfter = TimeSpan.FromMinutes(1) }, singleCalls: 10);

        Assert.Empty(plan.Singles);
        Assert.Equal(3, Assert.Single(plan.Batches).Count);
    }

    private static ChannelInventoryOptions SingleAndFeed() =>
        new() { MaxBatchSize = 10_000, SingleCallsPerSecond = 5, SingleCallBurst = 10, BatchCallsPerSecond = 0.01, BatchAfter = TimeSpan.FromSeconds(5) };

    private static ChannelPushPlan Plan(
        IReadOnlyList<PendingPush> pending, Dictionary<string, ChannelListing> listings, ChannelInventoryOptions rules, int singleCalls = 0, int batchCalls = int.MaxValue, DateTimeOffset? now = null) =>
        ChannelPushPlanner.Plan(pending, listings, rules, lowStockThreshold: 5, singleCalls, batchCalls, now ?? Seen);

    private static PendingPush Push(string sku, int desired, int secondsAfter = 0) => new(sku, desired, Seen.AddSeconds(secondsAfter), "v1", Seen.AddSeconds(secondsAfter));
}
