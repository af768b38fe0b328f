using RetailFunctions.Core.Orders;

namespace RetailFunctions.Core.Tests.Fakes;

internal sealed class FakeOrderCancellations : IOrderCancellations
{
    public List<ChannelCancellation> Requested { get; } = [];

    public Task RequestAsync(ChannelCancellation cancellation, CancellationToken cancellationToken)
    {
        Requested.Add(cancellation);
        return Task.CompletedTask;
    }
}
