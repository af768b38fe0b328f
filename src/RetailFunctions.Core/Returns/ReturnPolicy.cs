using System.Globalization;
using RetailFunctions.Core.Orders;

namespace RetailFunctions.Core.Returns;

/// <summary>
/// Whether a return may be taken against an order: the order was handed over (shipped, or sold at the counter), the
/// window is open, and no SKU comes back more often than it left, counting the returns already accepted.
/// </summary>
public static class ReturnPolicy
{
    /// <returns>The reason to refuse the return, or null to accept it.</returns>
    public static string? Refusal(OrderRecord order, ReturnRequest request, TimeSpan window)
    {
        ArgumentNullException.ThrowIfNull(order);
        ArgumentNullException.ThrowIfNull(request);
        var orderName = $"{order.Channel} order {order.ChannelOrderId}";
        if (order.Status is not (OrderStatus.PartiallyShipped or OrderStatus.Shipped or OrderStatus.Completed))
        {
            return $"The {orderName} is {order.Status}; only shipped or completed orders can be returned.";
        }

        // A counter sale has no shipment: everything on it left the store with the customer.
        var handedOver = order.Shipments.Count > 0
            ? Totals(order.Shipments.SelectMany(s => s.Lines).Select(l => (l.Sku, l.Quantity)))
            : Totals(order.Lines.Select(l => (l.Sku, l.Quantity)));
        var since = order.Shipments.Count > 0 ? order.Shipments.Max(s => s.ShippedAt) : order.PlacedAt ?? order.RecordedAt;
        if (request.RequestedAt > since + window)
        {
            return string.Create(CultureInfo.InvariantCulture, $"The return window of {window.TotalDays:0} days for the {orderName} closed on {since + window:yyyy-MM-dd}.");
        }

        var returned = Totals((order.Returns ?? []).Where(r => r.ReturnKey != request.ReturnKey).SelectMany(r => r.Lines).Select(l => (l.Sku, l.Quantity)));
        foreach (var (sku, quantity) in Totals(request.Lines.Select(l => (l.Sku, l.Quantity))))
        {
            var left = handedOver.GetValueOrDefault(sku) - returned.GetValueOrDefault(sku);
            if (quantity > left)
            {
                return string.Create(CultureInfo.InvariantCulture,
                    $"{quantity} × {sku} cannot be returned against the {orderName}: {handedOver.GetValueOrDefault(sku)} shipped, {returned.GetValueOrDefault(sku)} already returned.");
            }
        }

        return null;
    }

    private static Dictionary<string, int> Totals(IEnumerable<(string Sku, int Quantity)> lines) =>
        lines.GroupBy(l => l.Sku, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Sum(l => l.Quantity), StringComparer.Ordinal);
}
