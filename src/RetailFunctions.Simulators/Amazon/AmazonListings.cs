using System.Text.Json.Nodes;
using RetailFunctions.Simulators.Channels;

namespace RetailFunctions.Simulators.Amazon;

public static class AmazonListings
{
    /// <summary>The quantity in a <c>/attributes/fulfillment_availability</c> patch, as the Listings API and feed carry it.</summary>
    public static int? Quantity(JsonNode? patches) =>
        Json.Array(patches)
            .Where(p => Json.String(p?["path"]) == "/attributes/fulfillment_availability")
            .SelectMany(p => Json.Array(p!["value"]))
            .Select(v => Json.Int(v?["quantity"]))
            .FirstOrDefault(q => q is not null);

    /// <summary>The value of a <c>/attributes/purchasable_offer</c> patch, if there is one.</summary>
    public static JsonNode? OfferPatch(JsonNode? patches) =>
        Json.Array(patches).FirstOrDefault(p => Json.String(p?["path"]) == "/attributes/purchasable_offer")?["value"];

    /// <summary>Writes a full listing (<c>putListingsItem</c>, feed UPDATE); returns the issue when refused or invalid.</summary>
    public static string? Put(ChannelCatalog catalog, string sku, JsonNode? attributes)
    {
        var title = First(attributes?["item_name"]);
        var price = Price(attributes?["purchasable_offer"]);
        if (title is null || price is not > 0)
        {
            return "item_name and a purchasable_offer with our_price are required.";
        }

        return catalog.Upsert(sku, null, before => (before ?? ChannelCatalog.New(sku)) with
        {
            Title = title,
            Brand = First(attributes?["brand"]),
            Gtin = First(attributes?["externally_assigned_product_identifier"]),
            Price = price,
            Currency = Json.String(Json.Array(attributes?["purchasable_offer"]).FirstOrDefault()?["currency"]),
        });
    }

    /// <summary>Applies a price patch (<c>patchListingsItem</c>, feed PATCH); returns the issue when refused or invalid.</summary>
    public static string? PatchPrice(ChannelCatalog catalog, string sku, JsonNode? offer) =>
        Price(offer) is { } price and > 0
            ? catalog.Upsert(sku, null, before => (before ?? ChannelCatalog.New(sku)) with { Price = price, Currency = Json.String(Json.Array(offer).FirstOrDefault()?["currency"]) })
            : "purchasable_offer needs our_price[0].schedule[0].value_with_tax.";

    public static JsonObject Attributes(CatalogListing listing) => new()
    {
        ["item_name"] = new JsonArray(new JsonObject { ["value"] = listing.Title }),
        ["purchasable_offer"] = new JsonArray(new JsonObject
        {
            ["currency"] = listing.Currency,
            ["our_price"] = new JsonArray(new JsonObject { ["schedule"] = new JsonArray(new JsonObject { ["value_with_tax"] = listing.Price }) }),
        }),
    };

    private static decimal? Price(JsonNode? offer) =>
        Json.Array(offer).FirstOrDefault()?["our_price"]?[0]?["schedule"]?[0]?["value_with_tax"] is JsonValue value && value.TryGetValue<decimal>(out var price) ? price : null;

    private static string? First(JsonNode? values) => Json.String(Json.Array(values).FirstOrDefault()?["value"]);
}
