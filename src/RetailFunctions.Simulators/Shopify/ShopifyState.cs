using RetailFunctions.Simulators.Channels;
using RetailFunctions.Simulators.Gateway;

namespace RetailFunctions.Simulators.Shopify;

public sealed class ShopifyState(TimeProvider time) : ISimulatedSystem
{
    private long _sequence;

    public string System => "shopify";

    public ChannelInbox Inbox { get; } = new(time);

    public ChannelCatalog Catalog { get; } = new(time);

    public long NextId() => Interlocked.Increment(ref _sequence);

    public void Reset()
    {
        Inbox.Reset();
        Catalog.Reset();
        Interlocked.Exchange(ref _sequence, 0);
    }
}
