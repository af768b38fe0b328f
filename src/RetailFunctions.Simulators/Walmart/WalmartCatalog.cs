using System.Text.Json.Nodes;
using RetailFunctions.Simulators.Channels;

namespace RetailFunctions.Simulators.Walmart;

/// <summary>
/// Items and prices: <c>MP_ITEM</c> and <c>price</c> feeds (processed at once; per-item results under
/// <c>GET feeds/{feedId}?includeDetails=true</c>), <c>PUT price</c> for one SKU, <c>GET items/{sku}</c>.
/// </summary>
public static class WalmartCatalog
{
    public static IResult ItemFeed(JsonObject? body, WalmartState state)
    {
        var items = Json.Array(body?["MPItem"]);
        if (items.Count == 0)
        {
            return WalmartEndpoints.Invalid("An MP_ITEM feed needs MPItem[] with Orderable (sku, productName, brand, productIdentifiers, price).");
        }

        var statuses = new JsonArray();
        foreach (var item in items)
        {
            var orderable = item?["Orderable"];
            var sku = Json.String(orderable?["sku"]);
            var name = Json.String(orderable?["productName"]);
            var price = Amount(orderable?["price"]);
            var error = sku is null || name is null || price is not > 0
                ? "Orderable.sku, productName and a positive price are required."
                : state.Catalog.Upsert(sku, null, before => (before ?? ChannelCatalog.New(sku)) with
                {
                    Title = name,
                    Brand = Json.String(orderable!["brand"]),
                    Gtin = Json.String(orderable["productIdentifiers"]?["productId"]),
                    Price = price,
                    Currency = Json.String(orderable["currency"]) ?? "USD",
                    Status = Json.String(orderable["lifecycleStatus"]) == "RETIRED" ? "inactive" : "active",
                });
            statuses.Add(Status(sku, error));
        }

        return Accepted(state.AddFeed(statuses));
    }

    public static IResult PriceFeed(JsonObject? body, WalmartState state)
    {
        var prices = Json.Array(body?["Price"]);
        if (prices.Count == 0)
        {
            return WalmartEndpoints.Invalid("A price feed needs Price[] with itemIdentifier.sku and pricingList.pricing[].currentPrice.");
        }

        var statuses = new JsonArray();
        foreach (var entry in prices)
        {
            var sku = Json.String(entry?["itemIdentifier"]?["sku"]);
            var current = Json.Array(entry?["pricingList"]?["pricing"]).FirstOrDefault()?["currentPrice"];
            statuses.Add(Status(sku, SetPrice(sku, current, state)));
        }

        return Accepted(state.AddFeed(statuses));
    }

    public static IResult UpdatePrice(JsonObject? body, WalmartState state)
    {
        var sku = Json.String(body?["sku"]);
        var error = SetPrice(sku, Json.Array(body?["pricing"]).FirstOrDefault()?["currentPrice"], state);
        return error is null
            ? Results.Json(new JsonObject { ["ItemPriceResponse"] = new JsonObject { ["sku"] = sku, ["message"] = "Thank you. Your price has been updated." } })
            : WalmartEndpoints.Invalid(error);
    }

    public static IResult FeedStatus(string feedId, WalmartState state)
    {
        if (state.FeedResult(feedId) is not { } details)
        {
            return Results.Json(WalmartJson.Error("CONTENT_NOT_FOUND.GMP_FEED_API", $"Feed {feedId} not found."), statusCode: 404);
        }

        var statuses = Json.Array(details["itemIngestionStatus"]);
        var failed = statuses.Count(s => Json.String(s?["ingestionStatus"]) != "SUCCESS");
        return Results.Json(new JsonObject
        {
            ["feedId"] = feedId,
            ["feedStatus"] = "PROCESSED",
            ["itemsReceived"] = statuses.Count,
            ["itemsSucceeded"] = statuses.Count - failed,
            ["itemsFailed"] = failed,
            ["itemDetails"] = details,
        });
    }

    public static IResult GetItem(string sku, WalmartState state) =>
        state.Catalog.Find(sku) is { } listing
            ? Results.Json(new JsonObject
            {
                ["ItemResponse"] = new JsonArray(new JsonObject
                {
                    ["sku"] = listing.Sku,
                    ["productName"] = listing.Title,
                    ["price"] = new JsonObject { ["currency"] = listing.Currency, ["amount"] = listing.Price },
                    ["publishedStatus"] = listing.Status == "active" ? "PUBLISHED" : "UNPUBLISHED",
                }),
            })
            : Results.Json(WalmartJson.Error("CONTENT_NOT_FOUND.GMP_ITEM_QUERY_API", $"Item {sku} not found."), statusCode: 404);

    private static string? SetPrice(string? sku, JsonNode? currentPrice, WalmartState state)
    {
        var amount = Amount(currentPrice?["amount"] ?? currentPrice?["value"]?["amount"]);
        var currency = Json.String(currentPrice?["currency"] ?? currentPrice?["value"]?["currency"]);
        return sku is null || amount is not > 0
            ? "sku and a positive currentPrice amount are required."
            : state.Catalog.Upsert(sku, null, before => (before ?? ChannelCatalog.New(sku)) with { Price = amount, Currency = currency ?? before?.Currency });
    }

    private static JsonObject Status(string? sku, string? error) => new()
    {
        ["sku"] = sku,
        ["ingestionStatus"] = error is null ? "SUCCESS" : "DATA_ERROR",
        ["ingestionErrors"] = new JsonObject
        {
            ["ingestionError"] = error is null ? new JsonArray() : new JsonArray(new JsonObject { ["type"] = "DATA_ERROR", ["code"] = "ERR_EXT_DATA_0101", ["description"] = error }),
        },
    };

    private static IResult Accepted(string feedId) => Results.Json(new JsonObject { ["feedId"] = feedId }, statusCode: 202);

    private static decimal? Amount(JsonNode? node) =>
        node is JsonValue value && (value.TryGetValue<decimal>(out var amount) || (value.TryGetValue<string>(out var text) && decimal.TryParse(text, System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.InvariantCulture, out amount)))
            ? amount
            : null;
}
