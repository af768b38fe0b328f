using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using RetailFunctions.Simulators.Channels;
using RetailFunctions.Simulators.Gateway;

namespace RetailFunctions.Simulators.Amazon;

public sealed class AmazonState(TimeProvider time) : ISimulatedSystem
{
    public const string DefaultMarketplaceId = "ATVPDKIKX0DER";

    private readonly Lock _gate = new();
    private readonly Dictionary<string, AmazonOrder> _orders = new(StringComparer.Ordinal);
    private readonly Dictionary<string, byte[]?> _documents = new(StringComparer.Ordinal);
    private readonly List<AmazonFeed> _feeds = [];
    private long _sequence;

    public string System => "amazon";

    public ChannelInbox Inbox { get; } = new(time);

    public ChannelCatalog Catalog { get; } = new(time);

    public AmazonOrder Seed(AmazonOrderSeed seed)
    {
        var now = time.GetUtcNow();
        var items = seed.Items.Select(item => new AmazonOrderItem(
                item.OrderItemId ?? $"{NextNumber():D14}",
                item.Sku,
                item.Asin ?? $"B0{Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(item.Sku)))[..8]}",
                item.Title ?? $"Sample product {item.Sku}",
                item.Quantity,
                0,
                item))
            .ToArray();
        var order = new AmazonOrder(
            seed.AmazonOrderId,
            seed.OrderStatus ?? "Unshipped",
            seed.Currency ?? "USD",
            seed.MarketplaceId ?? DefaultMarketplaceId,
            seed.FulfillmentChannel ?? "MFN",
            seed.ShipServiceLevel ?? "Std US D2D Dom",
            seed.PurchaseDate ?? now,
            now,
            seed.ShippingAddress ?? new AmazonAddressSeed("US", "Seattle", "WA", "98101"),
            seed.BuyerEmail ?? $"{seed.AmazonOrderId.Replace("-", "", StringComparison.Ordinal)}@marketplace.amazon.com",
            items);
        lock (_gate)
        {
            _orders[order.AmazonOrderId] = order;
        }

        return order;
    }

    public AmazonOrder? Order(string amazonOrderId)
    {
        lock (_gate)
        {
            return _orders.GetValueOrDefault(amazonOrderId);
        }
    }

    public IReadOnlyList<AmazonOrder> Orders()
    {
        lock (_gate)
        {
            return _orders.Values.OrderBy(o => o.AmazonOrderId, StringComparer.Ordinal).ToArray();
        }
    }

    /// <returns>Null when done, else why the confirmation is refused.</returns>
    public string? ConfirmShipment(string amazonOrderId, IReadOnlyList<(string OrderItemId, int Quantity)> items, string carrier, string trackingNumber)
    {
        lock (_gate)
        {
            if (!_orders.TryGetValue(amazonOrderId, out var order))
            {
                return $"Order {amazonOrderId} not found.";
            }

            if (order.OrderStatus == "Canceled")
            {
                return $"Order {amazonOrderId} is canceled.";
            }

            var updated = order.Items.ToList();
            foreach (var (orderItemId, quantity) in items)
            {
                var index = updated.FindIndex(i => i.OrderItemId == orderItemId);
                if (index < 0 || quantity <= 0 || updated[index].QuantityShipped + quantity > updated[index].QuantityOrdered)
                {
                    return $"Order item {orderItemId} does not exist on the order or the quantity exceeds what is left to ship.";
                }

                updated[index] = updated[index] with { QuantityShipped = updated[index].QuantityShipped + quantity };
            }

            var shipped = updated.All(i => i.QuantityShipped == i.QuantityOrdered);
            _orders[amazonOrderId] = order with { Items = updated, OrderStatus = shipped ? "Shipped" : "PartiallyShipped", LastUpdateDate = time.GetUtcNow() };
            Inbox.Track(amazonOrderId, carrier, trackingNumber, null, items.Select(i => new ChannelLine(order.Items.First(o => o.OrderItemId == i.OrderItemId).Sku, i.Quantity)).ToArray());
            return null;
        }
    }

    public void CancelOrder(string amazonOrderId, string? reason)
    {
        lock (_gate)
        {
            var lines = Array.Empty<ChannelLine>();
            if (_orders.TryGetValue(amazonOrderId, out var order))
            {
                _orders[amazonOrderId] = order with { OrderStatus = "Canceled", LastUpdateDate = time.GetUtcNow() };
                lines = order.Items.Select(i => new ChannelLine(i.Sku, i.QuantityOrdered - i.QuantityShipped)).ToArray();
            }

            Inbox.Cancel(amazonOrderId, reason, lines);
        }
    }

    public string CreateDocument()
    {
        lock (_gate)
        {
            var id = $"amzn1.tortuga.4.na.{Guid.NewGuid():N}";
            _documents[id] = null;
            return id;
        }
    }

    public bool Upload(string feedDocumentId, byte[] content)
    {
        lock (_gate)
        {
            if (!_documents.ContainsKey(feedDocumentId))
            {
                return false;
            }

            _documents[feedDocumentId] = content;
            return true;
        }
    }

    public byte[]? Document(string feedDocumentId)
    {
        lock (_gate)
        {
            return _documents.GetValueOrDefault(feedDocumentId);
        }
    }

    public AmazonFeed AddFeed(string feedType, string inputFeedDocumentId, string? problem, byte[]? report = null)
    {
        string? reportId = null;
        if (report is not null)
        {
            reportId = CreateDocument();
            Upload(reportId, report);
        }

        var feed = new AmazonFeed(NextNumber().ToString(CultureInfo.InvariantCulture), feedType, inputFeedDocumentId, problem is null ? "DONE" : "FATAL", time.GetUtcNow(), problem, reportId);
        lock (_gate)
        {
            _feeds.Add(feed);
        }

        return feed;
    }

    public IReadOnlyList<AmazonFeed> Feeds()
    {
        lock (_gate)
        {
            return _feeds.ToArray();
        }
    }

    public string NextSubmissionId() => $"{NextNumber():D10}";

    public void Reset()
    {
        lock (_gate)
        {
            _orders.Clear();
            _documents.Clear();
            _feeds.Clear();
        }

        Inbox.Reset();
        Catalog.Reset();
    }

    private long NextNumber() => 50_000_000_000 + Interlocked.Increment(ref _sequence);
}
