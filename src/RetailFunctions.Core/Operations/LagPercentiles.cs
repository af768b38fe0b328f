namespace RetailFunctions.Core.Operations;

public static class LagPercentiles
{
    /// <summary>Nearest-rank percentiles of one channel's push lags; zeros when the channel pushed nothing.</summary>
    public static ChannelSyncLag Summarise(string channel, IEnumerable<long> lagsMs)
    {
        var sorted = lagsMs.Order().ToArray();
        if (sorted.Length == 0)
        {
            return new ChannelSyncLag(channel, 0, 0, 0, 0);
        }

        return new ChannelSyncLag(channel, sorted.Length, Rank(sorted, 0.50), Rank(sorted, 0.95), sorted[^1]);
    }

    private static long Rank(long[] sorted, double percentile) =>
        sorted[Math.Clamp((int)Math.Ceiling(percentile * sorted.Length) - 1, 0, sorted.Length - 1)];
}
