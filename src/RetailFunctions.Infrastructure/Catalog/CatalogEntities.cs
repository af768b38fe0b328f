using System.Globalization;
using System.Text.Json;
using Azure.Data.Tables;
using RetailFunctions.Core.Catalog;

namespace RetailFunctions.Infrastructure.Catalog;

/// <summary>Rows of the <c>catalog</c> table. Money is kept as invariant text: Table numbers are doubles, amounts are decimals.</summary>
internal static class CatalogEntities
{
    public static TableEntity Master(CatalogRecord record) => new(CatalogKeys.Partition(record.Sku), CatalogKeys.MasterRow)
    {
        ["Sku"] = record.Sku,
        ["Version"] = record.Version,
        ["Title"] = record.Title,
        ["Description"] = record.Description,
        ["Brand"] = record.Brand,
        ["Gtin"] = record.Gtin,
        ["Attributes"] = JsonSerializer.Serialize(record.Attributes.ToDictionary(a => a.Key, a => a.Value, StringComparer.Ordinal), CatalogJson.Default.DictionaryStringString),
        ["Price"] = Money(record.Price),
        ["Currency"] = record.Currency,
        ["TaxClass"] = record.TaxClass,
        ["Status"] = record.Status,
        ["Source"] = record.Source,
        ["UpdatedAt"] = record.UpdatedAt == DateTimeOffset.MinValue ? null : record.UpdatedAt,
        ["ReviewedPrice"] = Money(record.ReviewedPrice),
    };

    public static CatalogRecord ToRecord(TableEntity row) => new(
        row.GetString("Sku"),
        row.GetInt64("Version") ?? 0,
        row.GetString("Title"),
        row.GetString("Description"),
        row.GetString("Brand"),
        row.GetString("Gtin"),
        row.GetString("Attributes") is { Length: > 0 } attributes ? JsonSerializer.Deserialize(attributes, CatalogJson.Default.DictionaryStringString)! : new Dictionary<string, string>(),
        Money(row.GetString("Price")),
        row.GetString("Currency"),
        row.GetString("TaxClass"),
        row.GetString("Status") ?? CatalogStatuses.Active,
        row.GetString("Source"),
        row.GetDateTimeOffset("UpdatedAt") ?? DateTimeOffset.MinValue)
    {
        ReviewedPrice = Money(row.GetString("ReviewedPrice")),
    };

    public static TableEntity Channel(string sku, CatalogChannelState state) => new(CatalogKeys.Partition(sku), CatalogKeys.Channel(state.Channel))
    {
        ["Channel"] = state.Channel,
        ["PublishedVersion"] = state.PublishedVersion,
        ["PublishedPrice"] = Money(state.PublishedPrice),
        ["PublishedBasePrice"] = Money(state.PublishedBasePrice),
        ["PublishedContentHash"] = state.PublishedContentHash,
        ["PublishedHash"] = state.PublishedHash,
        ["PublishedAt"] = state.PublishedAt,
        ["Error"] = state.Error,
        ["ErrorVersion"] = state.ErrorVersion,
        ["ErrorAt"] = state.ErrorAt,
    };

    public static CatalogChannelState ToChannel(TableEntity row) => new(
        row.GetString("Channel"),
        row.GetInt64("PublishedVersion"),
        Money(row.GetString("PublishedPrice")),
        Money(row.GetString("PublishedBasePrice")),
        row.GetString("PublishedContentHash"),
        row.GetString("PublishedHash"),
        row.GetDateTimeOffset("PublishedAt"),
        row.GetString("Error"),
        row.GetInt64("ErrorVersion"),
        row.GetDateTimeOffset("ErrorAt"));

    public static TableEntity Promotion(string sku, ActivePromotion promotion) => new(CatalogKeys.Partition(sku), CatalogKeys.PromotionRow)
    {
        ["PromotionId"] = promotion.PromotionId,
        ["Promotion"] = JsonSerializer.Serialize(promotion, CatalogJson.Default.ActivePromotion),
    };

    public static ActivePromotion? ToPromotion(TableEntity row) =>
        row.GetString("Promotion") is { Length: > 0 } json ? JsonSerializer.Deserialize(json, CatalogJson.Default.ActivePromotion) : null;

    private static string? Money(decimal? amount) => amount?.ToString(CultureInfo.InvariantCulture);

    private static decimal? Money(string? text) =>
        decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var amount) ? amount : null;
}
