using RetailFunctions.Core.Orders;

namespace RetailFunctions.Core.Tests.Fakes;

internal sealed class FakeOrderWorkflow : IOrderWorkflow
{
    public List<(string Channel, string ChannelOrderId)> Started { get; } = [];

    public List<ChannelCancellation> Requested { get; } = [];

    public List<(string Channel, string ChannelOrderId, OrderShipment Shipment)> Shipments { get; } = [];

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
        Shipments.Add((channel, channelOrderId, shipment));
        return Task.FromResult(true);
    }
}
