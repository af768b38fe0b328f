namespace RetailFunctions.Simulators.Channels;

/// <summary>What a channel received from the fabric, kept for tests to read back.</summary>
public sealed class ChannelInbox(TimeProvider time)
{
    private readonly Lock _gate = new();
    private readonly List<OrderAcknowledgement> _acknowledgements = [];
    private readonly List<OrderCancellation> _cancellations = [];
    private readonly List<TrackingPush> _tracking = [];
    private readonly List<RefundConfirmation> _refunds = [];
    private readonly Dictionary<(string Sku, string? Location), InventoryValue> _inventory = [];

    public DateTimeOffset Now => time.GetUtcNow();

    public void Acknowledge(string orderId) => Add(_acknowledgements, new OrderAcknowledgement(orderId, Now));

    public void Cancel(string orderId, string? reason, IReadOnlyList<ChannelLine> lines) =>
        Add(_cancellations, new OrderCancellation(orderId, reason, lines, Now));

    public void Track(string orderId, string carrier, string trackingNumber, string? trackingUrl, IReadOnlyList<ChannelLine> lines) =>
        Add(_tracking, new TrackingPush(orderId, carrier, trackingNumber, trackingUrl, lines, Now));

    public void Refund(string orderId, string? note, decimal amount, string? currency, IReadOnlyList<ChannelLine> lines) =>
        Add(_refunds, new RefundConfirmation(orderId, note, amount, currency, lines, Now));

    /// <returns>The quantity before, 0 for a SKU never set.</returns>
    /// <param name="via">The API operation that set it, so benchmarks can tell single updates from feeds.</param>
    public int SetInventory(string sku, string? location, int quantity, string via)
    {
        lock (_gate)
        {
            var before = _inventory.GetValueOrDefault((sku, location));
            _inventory[(sku, location)] = new InventoryValue(sku, location, quantity, Now, (before?.Updates ?? 0) + 1, via);
            return before?.Quantity ?? 0;
        }
    }

    public IReadOnlyList<OrderAcknowledgement> Acknowledgements() => Snapshot(_acknowledgements);

    public IReadOnlyList<OrderCancellation> Cancellations() => Snapshot(_cancellations);

    public IReadOnlyList<TrackingPush> Tracking() => Snapshot(_tracking);

    public IReadOnlyList<RefundConfirmation> Refunds() => Snapshot(_refunds);

    public IReadOnlyList<InventoryValue> Inventory()
    {
        lock (_gate)
        {
            return _inventory.Values.OrderBy(v => v.Sku, StringComparer.Ordinal).ThenBy(v => v.Location, StringComparer.Ordinal).ToArray();
        }
    }

    public void Reset()
    {
        lock (_gate)
        {
            _acknowledgements.Clear();
            _cancellations.Clear();
            _tracking.Clear();
            _refunds.Clear();
            _inventory.Clear();
        }
    }

    private void Add<T>(List<T> list, T item)
    {
        lock (_gate)
        {
            list.Add(item);
        }
    }

    private IReadOnlyList<T> Snapshot<T>(List<T> list)
    {
        lock (_gate)
        {
            return list.ToArray();
        }
    }
}
