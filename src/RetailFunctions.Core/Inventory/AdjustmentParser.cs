using System.Globalization;
using System.Text.Json;
using RetailFunctions.Core.Webhooks;

namespace RetailFunctions.Core.Inventory;

/// <summary>
/// Reads <c>{"source","sequence","occurredAt","items":[{"sku","location","onHand"|"delta"}]}</c>. Problems become
/// <see cref="WebhookPayloadException"/>s naming the field (<c>items[2].onHand</c>). Several items for one SKU and
/// location are folded in order, so a count followed by a movement is one item.
/// </summary>
public static class AdjustmentParser
{
    public static InventoryAdjustment Parse(ReadOnlyMemory<byte> body)
    {
        using var document = WebhookJson.ParseObject(body);
        var root = document.RootElement;

        var source = WebhookJson.RequiredText(root, "source");
        if (!AdjustmentSources.IsKnown(source))
        {
            throw new WebhookPayloadException("source", $"The source '{source}' is not one of: {string.Join(", ", AdjustmentSources.All)}.");
        }

        var sequence = root.TryGetProperty("sequence", out var sequenceElement) && sequenceElement.ValueKind == JsonValueKind.Number && sequenceElement.TryGetInt64(out var value) && value >= 0
            ? value
            : throw new WebhookPayloadException("sequence", "The field 'sequence' is required and must be a non-negative whole number.");

        var occurredAtText = WebhookJson.RequiredText(root, "occurredAt");
        if (!DateTimeOffset.TryParse(occurredAtText, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var occurredAt))
        {
            throw new WebhookPayloadException("occurredAt", "The field 'occurredAt' must be an ISO 8601 date and time.");
        }

        if (!root.TryGetProperty("items", out var items) || items.ValueKind != JsonValueKind.Array || items.GetArrayLength() == 0)
        {
            throw new WebhookPayloadException("items", "The field 'items' is required and must be a non-empty array.");
        }

        var folded = new Dictionary<StockKey, AdjustmentItem>();
        var order = new List<StockKey>();
        var index = 0;
        foreach (var item in items.EnumerateArray())
        {
            var parsed = Item(item, $"items[{index++}]");
            if (folded.TryGetValue(parsed.Key, out var earlier))
            {
                folded[parsed.Key] = parsed.OnHand is null ? earlier with { Delta = earlier.Delta + parsed.Delta } : parsed;
            }
            else
            {
                folded[parsed.Key] = parsed;
                order.Add(parsed.Key);
            }
        }

        return new InventoryAdjustment(source, sequence, occurredAt, order.Select(k => folded[k]).ToArray());
    }

    private static AdjustmentItem Item(JsonElement item, string path)
    {
        if (item.ValueKind != JsonValueKind.Object)
        {
            throw new WebhookPayloadException(path, $"'{path}' must be an object.");
        }

        var sku = Text(item, "sku", path);
        var location = Text(item, "location", path);
        var onHand = WholeNumber(item, "onHand", path);
        var delta = WholeNumber(item, "delta", path);
        return (onHand, delta) switch
        {
            ({ } count, null) when count >= 0 => new AdjustmentItem(sku, location, count, 0),
            ({ }, null) => throw new WebhookPayloadException($"{path}.onHand", $"'{path}.onHand' must not be negative."),
            (null, { } movement) => new AdjustmentItem(sku, location, null, movement),
            _ => throw new WebhookPayloadException(path, $"'{path}' needs exactly one of 'onHand' and 'delta'."),
        };
    }

    private static string Text(JsonElement item, string name, string path) =>
        item.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { } text && !string.IsNullOrWhiteSpace(text)
            ? text.Trim()
            : throw new WebhookPayloadException($"{path}.{name}", $"'{path}.{name}' is required and must be a non-empty string.");

    private static long? WholeNumber(JsonElement item, string name, string path)
    {
        if (!item.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var number) && Math.Abs(number) <= int.MaxValue
            ? number
            : throw new WebhookPayloadException($"{path}.{name}", $"'{path}.{name}' must be a whole number.");
    }
}
