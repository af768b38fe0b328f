using System.Globalization;
using System.Text.Json;
using RetailFunctions.Core.Webhooks;

namespace RetailFunctions.Core.Catalog;

/// <summary>
/// Reads one item <c>{"sku","version","title","description","brand","gtin","attributes":{…},"price","currency","taxClass","status"}</c>
/// as sent to <c>POST /api/catalog/changes</c> and written one per line in JSON-lines product files. Only <c>sku</c> and
/// <c>version</c> are required; problems are <see cref="WebhookPayloadException"/>s naming the field (<c>items[2].price</c>).
/// </summary>
public static class CatalogItemReader
{
    /// <param name="path">Prefix of field names in errors (<c>items[2]</c>); empty for a file's line.</param>
    /// <param name="defaultVersion">The version of an item that has none (product files); null makes it required.</param>
    public static CatalogItemChange Read(JsonElement item, string path, long? defaultVersion = null)
    {
        if (item.ValueKind != JsonValueKind.Object)
        {
            throw new WebhookPayloadException(path.Length > 0 ? path : "line", "An item must be a JSON object.");
        }

        var sku = Text(item, "sku", path) ?? throw Required(path, "sku", "a non-empty string");
        var version = item.TryGetProperty("version", out var v) && v.ValueKind == JsonValueKind.Number && v.TryGetInt64(out var number) && number >= 0
            ? number
            : defaultVersion is { } fallback && !item.TryGetProperty("version", out _) ? fallback
            : throw Required(path, "version", "a non-negative whole number");
        return new CatalogItemChange(
            sku,
            version,
            Text(item, "title", path),
            Text(item, "description", path),
            Text(item, "brand", path),
            Text(item, "gtin", path),
            Attributes(item, path),
            Price(item, path),
            CatalogFields.Currency(Text(item, "currency", path), Field(path, "currency")),
            Text(item, "taxClass", path),
            CatalogFields.Status(Text(item, "status", path), Field(path, "status")));
    }

    private static string? Text(JsonElement item, string name, string path)
    {
        if (!item.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return value.ValueKind == JsonValueKind.String && value.GetString() is { } text && !string.IsNullOrWhiteSpace(text)
            ? text.Trim()
            : throw new WebhookPayloadException(Field(path, name), $"'{Field(path, name)}' must be a non-empty string when present.");
    }

    private static decimal? Price(JsonElement item, string path)
    {
        if (!item.TryGetProperty("price", out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        var price = value.ValueKind switch
        {
            JsonValueKind.Number when value.TryGetDecimal(out var number) => number,
            JsonValueKind.String when decimal.TryParse(value.GetString(), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var parsed) => parsed,
            _ => throw new WebhookPayloadException(Field(path, "price"), $"'{Field(path, "price")}' must be a decimal amount."),
        };
        return CatalogFields.Price(price, Field(path, "price"));
    }

    private static Dictionary<string, string>? Attributes(JsonElement item, string path)
    {
        if (!item.TryGetProperty("attributes", out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Object)
        {
            throw new WebhookPayloadException(Field(path, "attributes"), $"'{Field(path, "attributes")}' must be an object of names and values.");
        }

        var attributes = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var attribute in value.EnumerateObject())
        {
            attributes[attribute.Name] = attribute.Value.ValueKind switch
            {
                JsonValueKind.String => attribute.Value.GetString()!,
                JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => attribute.Value.GetRawText(),
                _ => throw new WebhookPayloadException(Field(path, $"attributes.{attribute.Name}"), $"'{Field(path, $"attributes.{attribute.Name}")}' must be a string, number or boolean."),
            };
        }

        return attributes;
    }

    private static WebhookPayloadException Required(string path, string name, string what) =>
        new(Field(path, name), $"'{Field(path, name)}' is required and must be {what}.");

    private static string Field(string path, string name) => path.Length > 0 ? $"{path}.{name}" : name;
}
