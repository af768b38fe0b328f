using RetailFunctions.Core.Operations;

namespace RetailFunctions.Core.Tests.Operations;

public sealed class LagPercentilesTests
{
    [Fact]
    public void Summarise_hundred_lags_gives_nearest_rank_percentiles()
    {
        var lag = LagPercentiles.Summarise("shopify", Enumerable.Range(1, 100).Select(i => (long)i).Reverse());

        Assert.Equal(new ChannelSyncLag("shopify", 100, 50, 95, 100), lag);
    }

    [Fact]
    public void Summarise_one_lag_is_every_percentile()
    {
        Assert.Equal(new ChannelSyncLag("amazon", 1, 700, 700, 700), LagPercentiles.Summarise("amazon", [700]));
    }

    [Fact]
    public void Summarise_no_pushes_is_zeros()
    {
        Assert.Equal(new ChannelSyncLag("walmart", 0, 0, 0, 0), LagPercentiles.Summarise("walmart", []));
    }
}
