using System.Text.Json;
using RetailFunctions.Core.Webhooks;

namespace RetailFunctions.Core.Catalog;

/// <summary>
/// Reads <c>{"source":"erp|pim","changeId","items":[…]}</c>. Several items for one SKU keep the highest version only,
/// so a request never applies an older change after a newer one.
/// </summary>
public static class CatalogChangeParser
{
    public static CatalogChangeRequest Parse(ReadOnlyMemory<byte> body)
    {
        using var document = WebhookJson.ParseObject(body);
        var root = document.RootElement;

        var source = WebhookJson.RequiredText(root, "source").ToLowerInvariant();
        if (!CatalogSources.IsKnown(source))
        {
            throw new WebhookPayloadException("source", $"The source '{source}' is not one of: {string.Join(", ", CatalogSources.All)}.");
        }

        var changeId = WebhookJson.RequiredIdentifier(root, "changeId");
        if (!root.TryGetProperty("items", out var items) || items.ValueKind != JsonValueKind.Array || items.GetArrayLength() == 0)
        {
            throw new WebhookPayloadException("items", "The field 'items' is required and must be a non-empty array.");
        }

        var latest = new Dictionary<string, CatalogItemChange>(StringComparer.Ordinal);
        var index = 0;
        foreach (var item in items.EnumerateArray())
        {
            var change = CatalogItemReader.Read(item, $"items[{index++}]");
            if (!latest.TryGetValue(change.Sku, out var earlier) || earlier.Version < change.Version)
            {
                latest[change.Sku] = change;
            }
        }

        return new CatalogChangeRequest(source, changeId, latest.Values.ToArray());
    }
}

public sealed record CatalogChangeRequest(string Source, string ChangeId, IReadOnlyList<CatalogItemChange> Items);
