using System.Globalization;
using System.Text;

namespace RetailFunctions.Core.Catalog;

/// <summary>
/// Per channel, before anything is sent: the price the channel should show (a running promotion in scope wins), the
/// channel's required fields, the GTIN check digit, currency, title length, price &gt; 0 and within the price band of
/// what the channel shows now. An invalid listing is reported with its reason and never partly sent.
/// </summary>
public static class CatalogListingPlanner
{
    public static ListingDecision Decide(CatalogEntry entry, string channel, ChannelCatalogOptions rules, decimal priceBandPercent)
    {
        var record = entry.Record;
        var state = entry.Channel(channel);
        if (record.Status == CatalogStatuses.Inactive && state.PublishedVersion is null)
        {
            return new ListingDecision(ListingAction.Skip);
        }

        if (Problem(record, rules) is { } problem)
        {
            return new ListingDecision(ListingAction.Invalid, Error: problem);
        }

        var basePrice = record.Price!.Value;
        var promotion = entry.Promotion is { } running && running.AppliesTo(channel) ? running : null;
        var storePrices = rules.Stores.ToDictionary(
            store => store,
            store => promotion is not null && promotion.AppliesToStore(store) ? promotion.Price : basePrice,
            StringComparer.Ordinal);
        var price = promotion is not null && (promotion.Stores.Count == 0 || channel != CatalogChannels.Pos) ? promotion.Price : basePrice;
        if (price <= 0)
        {
            return new ListingDecision(ListingAction.Invalid, Error: "price must be greater than 0");
        }

        if (BandProblem(basePrice, state.PublishedBasePrice, priceBandPercent, record.ReviewedPrice) is { } held)
        {
            return new ListingDecision(ListingAction.Invalid, Error: held);
        }

        var contentHash = record.ContentHash();
        var hash = Hash(contentHash, price, storePrices);
        var product = new ChannelProduct(
            record.Sku, record.Version, record.Title, record.Description, record.Brand, record.Gtin, record.Attributes, price, record.Currency!,
            record.TaxClass, record.Status, IsNew: state.PublishedVersion is null, ContentChanged: state.PublishedContentHash != contentHash, storePrices);
        var unchanged = state.PublishedHash == hash && state.Error is null;
        return new ListingDecision(unchanged ? ListingAction.Unchanged : ListingAction.Send, product, basePrice, hash);
    }

    /// <summary>"held for review: price drop 90% exceeds band 50%", or null when within the band (or nothing was published yet, or an operator reviewed this price).</summary>
    public static string? BandProblem(decimal price, decimal? previous, decimal bandPercent, decimal? reviewedPrice)
    {
        if (previous is not > 0 || reviewedPrice == price)
        {
            return null;
        }

        var change = (price - previous.Value) / previous.Value * 100;
        return Math.Abs(change) <= bandPercent
            ? null
            : string.Create(CultureInfo.InvariantCulture, $"held for review: price {(change < 0 ? "drop" : "rise")} {Math.Abs(change):0.#}% exceeds band {bandPercent:0.#}%");
    }

    private static string? Problem(CatalogRecord record, ChannelCatalogOptions rules)
    {
        var missing = rules.RequiredFields.Where(field => string.IsNullOrWhiteSpace(Field(record, field))).ToArray();
        if (missing.Length > 0)
        {
            return $"missing required {(missing.Length == 1 ? "field" : "fields")}: {string.Join(", ", missing)}";
        }

        if (record.Gtin is { } gtin && !GtinCheckDigit.IsValid(gtin))
        {
            return $"GTIN {gtin} has a wrong check digit or length";
        }

        if (record.Price is null)
        {
            return "no price";
        }

        if (record.Currency is null)
        {
            return "no currency";
        }

        if (!rules.Currencies.Contains(record.Currency, StringComparer.OrdinalIgnoreCase))
        {
            return $"currency {record.Currency} is not sold on this channel ({string.Join(", ", rules.Currencies)})";
        }

        return record.Title is { } title && title.Length > rules.MaxTitleLength
            ? string.Create(CultureInfo.InvariantCulture, $"title is {title.Length} characters; the channel takes at most {rules.MaxTitleLength}")
            : null;
    }

    private static string? Field(CatalogRecord record, string field) => field switch
    {
        "title" => record.Title,
        "description" => record.Description,
        "brand" => record.Brand,
        "gtin" => record.Gtin,
        "taxClass" => record.TaxClass,
        _ when field.StartsWith("attributes.", StringComparison.Ordinal) => record.Attributes.GetValueOrDefault(field["attributes.".Length..]),
        _ => null,
    };

    private static string Hash(string contentHash, decimal price, IReadOnlyDictionary<string, decimal> storePrices)
    {
        var text = new StringBuilder(contentHash).Append('|').Append(price.ToString("0.00##", CultureInfo.InvariantCulture));
        foreach (var (store, storePrice) in storePrices.OrderBy(s => s.Key, StringComparer.Ordinal))
        {
            text.Append('|').Append(store).Append('=').Append(storePrice.ToString("0.00##", CultureInfo.InvariantCulture));
        }

        return text.ToString();
    }
}
