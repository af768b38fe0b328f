namespace RetailFunctions.Simulators.Channels;

/// <summary>
/// The listings a channel holds, and the SKUs it is told to refuse (<c>PUT /_sim/{channel}/catalog/rejections</c>) so
/// tests can see listing errors recorded while the rest is published.
/// </summary>
public sealed class ChannelCatalog(TimeProvider time)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<(string Sku, string? Store), CatalogListing> _listings = [];
    private readonly Dictionary<string, string> _rejections = new(StringComparer.Ordinal);

    /// <returns>The reason when the SKU is refused; null when written.</returns>
    public string? Upsert(string sku, string? store, Func<CatalogListing?, CatalogListing> update)
    {
        lock (_gate)
        {
            if (_rejections.TryGetValue(sku, out var reason))
            {
                return reason;
            }

            var before = _listings.GetValueOrDefault((sku, store));
            _listings[(sku, store)] = update(before) with { Sku = sku, Store = store, UpdatedAt = time.GetUtcNow(), Updates = (before?.Updates ?? 0) + 1 };
            return null;
        }
    }

    public static CatalogListing New(string sku) => new(sku, null, null, null, null, null, null, "active", default, 0);

    public CatalogListing? Find(string sku, string? store = null)
    {
        lock (_gate)
        {
            return _listings.GetValueOrDefault((sku, store));
        }
    }

    public IReadOnlyList<CatalogListing> Listings()
    {
        lock (_gate)
        {
            return _listings.Values.OrderBy(l => l.Sku, StringComparer.Ordinal).ThenBy(l => l.Store, StringComparer.Ordinal).ToArray();
        }
    }

    public void Reject(IEnumerable<string> skus, string reason)
    {
        lock (_gate)
        {
            foreach (var sku in skus)
            {
                _rejections[sku] = reason;
            }
        }
    }

    /// <summary>Drift for tests: a listing changed (price) or removed behind the fabric's back.</summary>
    public bool Tamper(string sku, decimal? price)
    {
        lock (_gate)
        {
            var keys = _listings.Keys.Where(k => k.Sku == sku).ToArray();
            foreach (var key in keys)
            {
                if (price is null)
                {
                    _listings.Remove(key);
                }
                else
                {
                    _listings[key] = _listings[key] with { Price = price };
                }
            }

            return keys.Length > 0;
        }
    }

    public void Reset()
    {
        lock (_gate)
        {
            _listings.Clear();
            _rejections.Clear();
        }
    }
}
