using RetailFunctions.Core.Orders;

namespace RetailFunctions.Core.Tests.Fakes;

internal sealed class FakeOrderWorkflow : IOrderWorkflow
{
    public List<(string Channel, string ChannelOrderId)> Started { get; } = [];

    public List<ChannelCancellation> Requested { get; } = [];

    public List<(string Channel, string ChannelOrderId, OrderShipment Shipment)> Shipments { get; } = [];

    public List<(string Channel, string ReturnId)> ReturnsStarted { get; } = [];

    /// <summary>Which orders have a running workflow; every order by default.</summary>
    public Func<string, string, bool> IsRunning { get; set; } = (_, _) => true;

    public Task StartAsync(string channel, string channelOrderId, CancellationToken cancellationToken)
    {
        Started.Add((channel, channelOrderId));
        return Task.CompletedTask;
    }

    public Task RequestCancellationAsync(ChannelCancellation cancellation, CancellationToken cancellationToken)
    {
        Requested.Add(cancellation);
        return Task.CompletedTask;
    }

    public Task<bool> ConfirmShipmentAsync(string channel, string channelOrderId, OrderShipment shipment, CancellationToken cancellationToken)
    {
        if (!IsRunning(channel, channelOrderId))
        {
            return Task.FromResult(false);
        }

        Shipments.Add((channel, channelOrderId, shipment));
        return Task.FromResult(true);
    }

    public Task StartReturnAsync(string channel, string returnId, CancellationToken cancellationToken)
    {
        ReturnsStarted.Add((channel, returnId));
        return Task.CompletedTask;
    }
}
