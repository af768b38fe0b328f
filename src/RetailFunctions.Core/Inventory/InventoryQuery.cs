namespace RetailFunctions.Core.Inventory;

public sealed class InventoryQuery(IInventoryPositions positions, IInventorySyncStore sync, InventoryAvailability availability)
{
    public async Task<InventoryView?> FindAsync(string sku, CancellationToken cancellationToken)
    {
        var current = await positions.ForSkuAsync(sku, cancellationToken);
        if (current.Count == 0)
        {
            return null;
        }

        var channels = new List<ChannelView>();
        foreach (var (channel, available) in availability.ForChannels(current))
        {
            var listings = await sync.ListingsAsync(channel, [sku], cancellationToken);
            var listing = listings.GetValueOrDefault(sku);
            channels.Add(new ChannelView(channel, available, listing?.LastPushed, listing?.LastPushedAt));
        }

        return new InventoryView(
            sku,
            current.Sum(p => p.OnHand),
            current.Sum(p => p.Reserved),
            current.OrderBy(p => p.Location, StringComparer.Ordinal).Select(p => new LocationView(p.Location, p.OnHand, p.Reserved, p.InTransit)).ToArray(),
            channels);
    }
}
