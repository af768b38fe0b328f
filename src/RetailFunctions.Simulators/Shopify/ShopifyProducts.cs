using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using RetailFunctions.Simulators.Channels;

namespace RetailFunctions.Simulators.Shopify;

/// <summary>
/// <c>productSet</c> (synchronous, one variant: title, vendor, status, variant sku/barcode/price) and the
/// <c>productVariants(query: "sku:A OR sku:B")</c> read. Refused SKUs come back as <c>userErrors</c>.
/// </summary>
public static partial class ShopifyProducts
{
    public static JsonObject ProductSet(JsonObject? input, ShopifyState state)
    {
        var variant = Json.Array(input?["variants"]).FirstOrDefault();
        var sku = Json.String(variant?["sku"]);
        var title = Json.String(input?["title"]);
        var price = decimal.TryParse(Json.String(variant?["price"]), NumberStyles.Number, CultureInfo.InvariantCulture, out var p) ? p : (decimal?)null;
        if (sku is null || title is null || price is not > 0)
        {
            return Failed(["input"], "title and one variant with a sku and a positive price (a decimal string) are required.", "INVALID");
        }

        var refused = state.Catalog.Upsert(sku, null, before => (before ?? ChannelCatalog.New(sku)) with
        {
            Title = title,
            Brand = Json.String(input!["vendor"]),
            Gtin = Json.String(variant!["barcode"]),
            Price = price,
            Status = Json.String(input["status"])?.ToLowerInvariant() ?? "active",
        });
        return refused is not null
            ? Failed(["input", "variants", "0", "sku"], refused, "INVALID")
            : ShopifyEndpoints.Data("productSet", new JsonObject
            {
                ["product"] = new JsonObject { ["id"] = $"gid://shopify/Product/{state.NextId()}" },
                ["userErrors"] = new JsonArray(),
            });
    }

    public static JsonObject ProductVariants(string? query, ShopifyState state)
    {
        var nodes = new JsonArray();
        foreach (Match match in SkuTerm().Matches(query ?? ""))
        {
            if (state.Catalog.Find(match.Groups[1].Value) is { } listing)
            {
                nodes.Add(new JsonObject { ["sku"] = listing.Sku, ["price"] = listing.Price?.ToString("0.00", CultureInfo.InvariantCulture) });
            }
        }

        return new JsonObject { ["data"] = new JsonObject { ["productVariants"] = new JsonObject { ["nodes"] = nodes } } };
    }

    private static JsonObject Failed(string[] field, string message, string code) =>
        ShopifyEndpoints.Data("productSet", new JsonObject { ["product"] = null, ["userErrors"] = new JsonArray(ShopifyEndpoints.UserError(field, message, code)) });

    [GeneratedRegex(@"sku:([^\s]+)")]
    private static partial Regex SkuTerm();
}
