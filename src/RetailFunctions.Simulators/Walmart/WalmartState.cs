using System.Text.Json.Nodes;
using System.Globalization;
using RetailFunctions.Simulators.Channels;
using RetailFunctions.Simulators.Gateway;

namespace RetailFunctions.Simulators.Walmart;

public sealed class WalmartState(TimeProvider time) : ISimulatedSystem
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, WalmartOrder> _orders = new(StringComparer.Ordinal);
    private long _feedSequence;

    public string System => "walmart";

    public ChannelInbox Inbox { get; } = new(time);

    public ChannelCatalog Catalog { get; } = new(time);

    private readonly Dictionary<string, JsonObject> _feedResults = new(StringComparer.Ordinal);

    public WalmartOrder Seed(WalmartOrderSeed seed)
    {
        var order = new WalmartOrder(
            seed.PurchaseOrderId,
            seed.CustomerOrderId ?? $"{seed.PurchaseOrderId}0",
            seed.Currency ?? "USD",
            seed.OrderDate ?? time.GetUtcNow(),
            seed.Lines.Select((l, i) => new WalmartOrderLine(
                l.LineNumber ?? (i + 1).ToString(CultureInfo.InvariantCulture), l.Sku, l.ProductName ?? $"Sample product {l.Sku}", l.Quantity, l.UnitPrice, "Created", null, null)).ToArray())
        {
            LastModified = time.GetUtcNow(),
        };
        lock (_gate)
        {
            _orders[order.PurchaseOrderId] = order;
        }

        return order;
    }

    public WalmartOrder? Order(string purchaseOrderId)
    {
        lock (_gate)
        {
            return _orders.GetValueOrDefault(purchaseOrderId);
        }
    }

    public IReadOnlyList<WalmartOrder> Orders()
    {
        lock (_gate)
        {
            return _orders.Values.OrderBy(o => o.PurchaseOrderId, StringComparer.Ordinal).ToArray();
        }
    }

    public WalmartOrder? Acknowledge(string purchaseOrderId)
    {
        lock (_gate)
        {
            if (!_orders.TryGetValue(purchaseOrderId, out var order))
            {
                return null;
            }

            order = order with { Lines = order.Lines.Select(l => l.Status == "Created" ? l with { Status = "Acknowledged" } : l).ToArray(), LastModified = time.GetUtcNow() };
            _orders[purchaseOrderId] = order;
            Inbox.Acknowledge(purchaseOrderId);
            return order;
        }
    }

    /// <summary>Moves whole lines to <paramref name="status"/>. Walmart refuses to cancel a shipped line or ship a cancelled one.</summary>
    /// <returns>The order, or why the update is refused.</returns>
    public (WalmartOrder? Order, string? Problem) UpdateLines(string purchaseOrderId, IReadOnlyList<string> lineNumbers, string status, string? carrier, string? trackingNumber)
    {
        lock (_gate)
        {
            if (!_orders.TryGetValue(purchaseOrderId, out var order))
            {
                return (null, $"Purchase order {purchaseOrderId} not found.");
            }

            var lines = order.Lines.ToList();
            foreach (var lineNumber in lineNumbers)
            {
                var index = lines.FindIndex(l => l.LineNumber == lineNumber);
                if (index < 0)
                {
                    return (null, $"Line {lineNumber} is not on purchase order {purchaseOrderId}.");
                }

                if (lines[index].Status is "Shipped" or "Cancelled" && lines[index].Status != status)
                {
                    return (null, $"Line {lineNumber} is already {lines[index].Status}.");
                }

                lines[index] = lines[index] with { Status = status, Carrier = carrier ?? lines[index].Carrier, TrackingNumber = trackingNumber ?? lines[index].TrackingNumber };
            }

            order = order with { Lines = lines, LastModified = time.GetUtcNow() };
            _orders[purchaseOrderId] = order;
            return (order, null);
        }
    }

    /// <summary>Keeps a processed feed's item statuses for <c>GET feeds/{feedId}</c>.</summary>
    public string AddFeed(JsonArray itemStatuses)
    {
        var feedId = NextFeedId();
        lock (_gate)
        {
            _feedResults[feedId] = new JsonObject { ["itemIngestionStatus"] = itemStatuses };
        }

        return feedId;
    }

    public JsonObject? FeedResult(string feedId)
    {
        lock (_gate)
        {
            return _feedResults.GetValueOrDefault(feedId)?.DeepClone() as JsonObject;
        }
    }

    public string NextFeedId() => $"{Interlocked.Increment(ref _feedSequence):D8}@AQMBAAA";

    public void Reset()
    {
        lock (_gate)
        {
            _orders.Clear();
            _feedResults.Clear();
        }

        Inbox.Reset();
        Catalog.Reset();
    }
}
