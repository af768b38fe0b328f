using System.Text.Json.Nodes;
using RetailFunctions.Simulators.Channels;
using RetailFunctions.Simulators.Gateway;

namespace RetailFunctions.Simulators.Pos;

/// <summary>
/// A store price-list API: <c>PUT /pos/price-lists/{storeId}</c> <c>{"items":[{"sku","price","currency","title","gtin","status"}]}</c>
/// upserts lines (at most 500) and answers which were rejected and why; <c>GET /pos/price-lists/{storeId}?skus=A,B</c> reads them.
/// </summary>
public static class PosEndpoints
{
    public const string System = "pos";
    public const int MaxLines = 500;

    public static IEndpointRouteBuilder MapPos(this IEndpointRouteBuilder app)
    {
        var pos = app.MapGroup("/pos");
        pos.MapPut("/price-lists/{storeId}", UpsertPriceList).Operation(System, "upsertPriceList", IdempotencyMode.Optional);
        pos.MapGet("/price-lists/{storeId}", (string storeId, string? skus, PosState state) =>
        {
            var wanted = (skus ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            var items = state.Catalog.Listings()
                .Where(l => l.Store == storeId && (wanted.Length == 0 || wanted.Contains(l.Sku, StringComparer.Ordinal)))
                .Select(l => (JsonNode?)new JsonObject { ["sku"] = l.Sku, ["price"] = l.Price, ["currency"] = l.Currency, ["title"] = l.Title, ["status"] = l.Status });
            return Results.Json(new JsonObject { ["storeId"] = storeId, ["items"] = new JsonArray(items.ToArray()) });
        }).Operation(System, "getPriceList");
        return app;
    }

    public static IEndpointRouteBuilder MapPosControl(this IEndpointRouteBuilder control) =>
        control.MapChannelCatalog<PosState>(System, s => s.Catalog);

    private static IResult UpsertPriceList(string storeId, JsonObject? body, PosState state)
    {
        var items = Json.Array(body?["items"]);
        if (items.Count is 0 or > MaxLines)
        {
            return Results.Problem(statusCode: 400, title: $"items must hold between 1 and {MaxLines} lines.");
        }

        var rejected = new JsonArray();
        var accepted = 0;
        foreach (var item in items)
        {
            var sku = Json.String(item?["sku"]);
            var price = item?["price"] is JsonValue value && value.TryGetValue<decimal>(out var amount) ? amount : (decimal?)null;
            var reason = sku is null || price is not > 0
                ? "sku and a positive price are required."
                : state.Catalog.Upsert(sku, storeId, before => (before ?? ChannelCatalog.New(sku)) with
                {
                    Title = Json.String(item!["title"]),
                    Gtin = Json.String(item["gtin"]),
                    Price = price,
                    Currency = Json.String(item["currency"]),
                    Status = Json.String(item["status"]) ?? "active",
                });
            if (reason is null)
            {
                accepted++;
            }
            else
            {
                rejected.Add(new JsonObject { ["sku"] = sku, ["reason"] = reason });
            }
        }

        return Results.Json(new JsonObject { ["storeId"] = storeId, ["accepted"] = accepted, ["rejected"] = rejected });
    }
}
