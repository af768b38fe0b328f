namespace RetailFunctions.Core.Shipments;

/// <summary>Callbacks waiting for their order, one entry per source and callback id.</summary>
public interface IParkedShipments
{
    /// <summary>Parks the callback; parking one that is already parked keeps the first entry.</summary>
    Task ParkAsync(ParkedShipment parked, CancellationToken cancellationToken);

    /// <param name="channel">Only this channel's; null for all.</param>
    /// <param name="channelOrderId">Only this order's (with <paramref name="channel"/>); null for all.</param>
    Task<IReadOnlyList<ParkedShipment>> ListAsync(string? channel, string? channelOrderId, CancellationToken cancellationToken);

    /// <summary>Records a failed re-match (attempts, flag).</summary>
    Task UpdateAsync(ParkedShipment parked, CancellationToken cancellationToken);

    Task RemoveAsync(ParkedShipment parked, CancellationToken cancellationToken);
}
