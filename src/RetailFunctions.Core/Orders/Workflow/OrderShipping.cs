namespace RetailFunctions.Core.Orders.Workflow;

public static class OrderShipping
{
    /// <summary>Every ordered quantity of every SKU is covered by the shipments so far.</summary>
    public static bool IsFullyShipped(IReadOnlyList<PreparedLine> lines, IReadOnlyList<OrderShipment> shipments)
    {
        var shipped = shipments.SelectMany(s => s.Lines).GroupBy(l => l.Sku).ToDictionary(g => g.Key, g => g.Sum(l => l.Quantity));
        return lines.GroupBy(l => l.Sku).All(g => shipped.GetValueOrDefault(g.Key) >= g.Sum(l => l.Quantity));
    }
}
