using RetailFunctions.Core.BackOffice;
using RetailFunctions.Core.Inventory;

namespace RetailFunctions.Core.Tests.Inventory;

/// <summary>A channel that records each call and can be told to throttle the next ones.</summary>
internal sealed class RecordingChannelApi(string channel) : IChannelInventoryApi
{
    public string Channel { get; } = channel;

    public List<IReadOnlyList<ChannelQuantity>> Calls { get; } = [];

    public int ThrottleNext { get; set; }

    public TimeSpan? RetryAfter { get; set; }

    public Task PushAsync(IReadOnlyList<ChannelQuantity> quantities, CancellationToken cancellationToken)
    {
        if (ThrottleNext > 0)
        {
            ThrottleNext--;
            throw new BackOfficeUnavailableException(Channel, "push", 429, "Rate limit exceeded.") { RetryAfter = RetryAfter };
        }

        Calls.Add(quantities);
        return Task.CompletedTask;
    }

    public IReadOnlyDictionary<string, int> Last() =>
        Calls.SelectMany(c => c).GroupBy(q => q.Sku).ToDictionary(g => g.Key, g => g.Last().Quantity);
}
