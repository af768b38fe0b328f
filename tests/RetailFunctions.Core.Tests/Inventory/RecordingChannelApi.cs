using RetailFunctions.Core.BackOffice;
using RetailFunctions.Core.Inventory;

namespace RetailFunctions.Core.Tests.Inventory;

/// <summary>A channel that records each call (batches and single values apart) and can be told to throttle the next ones.</summary>
internal sealed class RecordingChannelApi(string channel) : IChannelInventoryApi
{
    public string Channel { get; } = channel;

    public List<IReadOnlyList<ChannelQuantity>> Calls { get; } = [];

    public List<ChannelQuantity> Singles { get; } = [];

    /// <summary>Throttles only batch calls when set, as a channel whose feed limit is spent.</summary>
    public bool ThrottleBatchesOnly { get; set; }

    public int ThrottleNext { get; set; }

    public TimeSpan? RetryAfter { get; set; }

    public Task PushAsync(IReadOnlyList<ChannelQuantity> quantities, CancellationToken cancellationToken)
    {
        ThrowIfThrottled("batch");
        Calls.Add(quantities);
        return Task.CompletedTask;
    }

    public Task PushOneAsync(ChannelQuantity quantity, CancellationToken cancellationToken)
    {
        if (!ThrottleBatchesOnly)
        {
            ThrowIfThrottled("single");
        }

        lock (Singles)
        {
            Singles.Add(quantity);
        }

        return Task.CompletedTask;
    }

    /// <summary>The last value each SKU was given, by either kind of call.</summary>
    public IReadOnlyDictionary<string, int> Last() =>
        Calls.SelectMany(c => c).Concat(Singles).GroupBy(q => q.Sku).ToDictionary(g => g.Key, g => g.Last().Quantity);

    private void ThrowIfThrottled(string operation)
    {
        if (ThrottleNext > 0)
        {
            ThrottleNext--;
            throw new BackOfficeUnavailableException(Channel, operation, 429, "Rate limit exceeded.") { RetryAfter = RetryAfter };
        }
    }
}
