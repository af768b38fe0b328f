using System.Globalization;
using System.Text.Json.Nodes;
using RetailFunctions.Simulators.Channels;
using RetailFunctions.Simulators.Gateway;

namespace RetailFunctions.Simulators.Shopify;

public sealed class ShopifyState(TimeProvider time) : ISimulatedSystem
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, (JsonObject Order, DateTimeOffset UpdatedAt)> _orders = new(StringComparer.Ordinal);
    private long _sequence;

    public string System => "shopify";

    public ChannelInbox Inbox { get; } = new(time);

    public ChannelCatalog Catalog { get; } = new(time);

    public long NextId() => Interlocked.Increment(ref _sequence);

    /// <summary>Keeps an Admin REST order; <c>updated_at</c> (and <c>created_at</c> when missing) become now.</summary>
    /// <returns>The order as stored, or null when it has no numeric <c>id</c>.</returns>
    public JsonObject? Seed(JsonObject order)
    {
        if (order["id"] is not JsonValue id || !id.TryGetValue<long>(out var number))
        {
            return null;
        }

        var now = time.GetUtcNow();
        var stamp = now.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffK", CultureInfo.InvariantCulture);
        var stored = order.DeepClone().AsObject();
        stored["updated_at"] = stamp;
        stored["created_at"] ??= stamp;
        lock (_gate)
        {
            _orders[number.ToString(CultureInfo.InvariantCulture)] = (stored, now);
        }

        return stored;
    }

    public IReadOnlyList<(JsonObject Order, DateTimeOffset UpdatedAt)> Orders()
    {
        lock (_gate)
        {
            return [.. _orders.Values.Select(o => (o.Order.DeepClone().AsObject(), o.UpdatedAt))];
        }
    }

    public void Reset()
    {
        Inbox.Reset();
        lock (_gate)
        {
            _orders.Clear();
        }

        Catalog.Reset();
        Interlocked.Exchange(ref _sequence, 0);
    }
}
