using RetailFunctions.Core.Shipments;

namespace RetailFunctions.Core.Tests.Fakes;

internal sealed class FakeParkedShipments : IParkedShipments
{
    public Dictionary<(string Source, string CallbackId), ParkedShipment> Entries { get; } = [];

    public Task ParkAsync(ParkedShipment parked, CancellationToken cancellationToken)
    {
        Entries.TryAdd((parked.Source, parked.CallbackId), parked);
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<ParkedShipment>> ListAsync(string? channel, string? channelOrderId, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<ParkedShipment>>(
            [.. Entries.Values.Where(p => (channel is null || p.Channel == channel) && (channelOrderId is null || p.ChannelOrderId == channelOrderId))]);

    public Task UpdateAsync(ParkedShipment parked, CancellationToken cancellationToken)
    {
        Entries[(parked.Source, parked.CallbackId)] = parked;
        return Task.CompletedTask;
    }

    public Task RemoveAsync(ParkedShipment parked, CancellationToken cancellationToken)
    {
        Entries.Remove((parked.Source, parked.CallbackId));
        return Task.CompletedTask;
    }
}
