using Microsoft.Extensions.Options;

namespace RetailFunctions.Core.Catalog;

public sealed class CatalogQuery(ICatalogStore store, IOptionsMonitor<CatalogOptions> options)
{
    public async Task<CatalogView?> FindAsync(string sku, CancellationToken cancellationToken)
    {
        if (await store.FindAsync(sku, cancellationToken) is not { } entry)
        {
            return null;
        }

        var record = entry.Record;
        var channels = options.CurrentValue.EnabledChannels()
            .Select(channel => entry.Channel(channel))
            .Select(s => new CatalogChannelView(s.Channel, s.PublishedVersion, s.PublishedPrice, s.PublishedAt, s.Error, s.ErrorAt))
            .ToArray();
        return new CatalogView(
            record.Sku, record.Version, record.Title, record.Description, record.Brand, record.Gtin, record.Price, record.Currency,
            record.TaxClass, record.Status, record.Attributes, entry.Promotion, channels);
    }
}
