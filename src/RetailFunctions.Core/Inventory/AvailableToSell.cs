namespace RetailFunctions.Core.Inventory;

/// <summary>What a channel may list for one SKU, from the positions of the locations it sells from.</summary>
public static class AvailableToSell
{
    public static int ForChannel(IEnumerable<StockPosition> positions, int safetyStock, ChannelInventoryOptions rules)
    {
        long onHand = 0, reserved = 0;
        foreach (var position in positions.Where(p => rules.Sells(p.Location)))
        {
            onHand += position.OnHand;
            reserved += position.Reserved;
        }

        return Apply(onHand, reserved, safetyStock, rules);
    }

    /// <summary>max(0, onHand − reserved − safetyStock − buffer), then allocation %, max listed, end-when-below.</summary>
    public static int Apply(long onHand, long reserved, int safetyStock, ChannelInventoryOptions rules)
    {
        var free = Math.Max(0, onHand - reserved - safetyStock - rules.Buffer);
        var allocated = free * rules.AllocationPercent / 100;
        var listed = rules.MaxListed is { } max ? Math.Min(allocated, max) : allocated;
        var capped = (int)Math.Min(listed, int.MaxValue);
        return capped < rules.EndWhenBelow ? 0 : capped;
    }
}
