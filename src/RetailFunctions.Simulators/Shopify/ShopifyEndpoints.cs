using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using RetailFunctions.Simulators.Channels;
using RetailFunctions.Simulators.Gateway;

namespace RetailFunctions.Simulators.Shopify;

/// <summary>
/// The Admin GraphQL endpoint, "GraphQL-ish": the mutation is recognised by name in the query and its arguments are
/// read from <c>variables</c>; the selection set is ignored and a fixed, realistic payload comes back.
/// </summary>
public static partial class ShopifyEndpoints
{
    public const string System = "shopify";

    /// <summary>Shopify's limit on the quantities of one <c>inventorySetQuantities</c> call.</summary>
    public const int MaxInventoryQuantities = 250;

    private const string OrderGid = "gid://shopify/Order/";

    public static IEndpointRouteBuilder MapShopify(this IEndpointRouteBuilder app)
    {
        app.MapPost("/shopify/admin/api/{version}/graphql.json", Graphql).Operation(System, "graphql", IdempotencyMode.Optional);
        return app.MapShopifyOrders();
    }

    public static IEndpointRouteBuilder MapShopifyControl(this IEndpointRouteBuilder control) =>
        control.MapShopifyOrdersControl().MapChannelInbox<ShopifyState>(System, s => s.Inbox).MapChannelCatalog<ShopifyState>(System, s => s.Catalog);

    private static IResult Graphql(JsonObject? body, ShopifyState state)
    {
        if (Json.String(body?["query"]) is not { } query)
        {
            return Results.BadRequest(Errors("No query string was present", "BAD_REQUEST"));
        }

        var variables = body!["variables"] as JsonObject ?? [];
        var mutation = MutationName().Match(query);
        return mutation.Groups[1].Value switch
        {
            "inventorySetQuantities" => Results.Json(InventorySetQuantities(variables["input"] as JsonObject, state)),
            "fulfillmentCreate" => Results.Json(FulfillmentCreate(variables["fulfillment"] as JsonObject, state)),
            "orderCancel" => Results.Json(OrderCancel(variables, state)),
            "refundCreate" => Results.Json(RefundCreate(variables["input"] as JsonObject, state)),
            "productSet" => Results.Json(ShopifyProducts.ProductSet(variables["input"] as JsonObject, state)),
            "productVariants" => Results.Json(ShopifyProducts.ProductVariants(Json.String(variables["query"]), state)),
            _ => Results.Json(Errors("This simulator supports the mutations inventorySetQuantities, fulfillmentCreate, orderCancel, refundCreate and productSet, and the query productVariants.", "undefinedField")),
        };
    }

    private static JsonObject InventorySetQuantities(JsonObject? input, ShopifyState state)
    {
        var quantities = Json.Array(input?["quantities"]);
        if (quantities.Count > MaxInventoryQuantities)
        {
            return Errors($"The input array size of {quantities.Count} is greater than the maximum allowed of {MaxInventoryQuantities}.", "MAX_INPUT_SIZE_EXCEEDED");
        }

        var userErrors = new JsonArray();
        if (Json.String(input?["name"]) is not ("available" or "on_hand"))
        {
            userErrors.Add(UserError(["input", "name"], "The quantity name must be available or on_hand.", "INVALID_NAME"));
        }

        for (var i = 0; i < quantities.Count; i++)
        {
            if (Json.String(quantities[i]?["inventoryItemId"]) is null || Json.String(quantities[i]?["locationId"]) is null || Json.Int(quantities[i]?["quantity"]) is null)
            {
                userErrors.Add(UserError(["input", "quantities", i.ToString(CultureInfo.InvariantCulture)], "inventoryItemId, locationId and quantity are required.", "INVALID_QUANTITY"));
            }
        }

        if (userErrors.Count > 0)
        {
            return Data("inventorySetQuantities", new JsonObject { ["inventoryAdjustmentGroup"] = null, ["userErrors"] = userErrors });
        }

        var changes = new JsonArray();
        foreach (var quantity in quantities)
        {
            var item = Json.String(quantity!["inventoryItemId"])!;
            var after = Json.Int(quantity["quantity"])!.Value;
            var before = state.Inbox.SetInventory(item, Json.String(quantity["locationId"]), after, "inventorySetQuantities");
            changes.Add(new JsonObject { ["name"] = Json.String(input!["name"]), ["delta"] = after - before, ["quantityAfterChange"] = after });
        }

        return Data("inventorySetQuantities", new JsonObject
        {
            ["inventoryAdjustmentGroup"] = new JsonObject
            {
                ["id"] = $"gid://shopify/InventoryAdjustmentGroup/{state.NextId()}",
                ["reason"] = Json.String(input!["reason"]),
                ["changes"] = changes,
            },
            ["userErrors"] = new JsonArray(),
        });
    }

    private static JsonObject FulfillmentCreate(JsonObject? fulfillment, ShopifyState state)
    {
        var tracking = fulfillment?["trackingInfo"] as JsonObject;
        var orderId = Json.String(fulfillment?["orderId"]);
        var company = Json.String(tracking?["company"]);
        var number = Json.String(tracking?["number"]);
        var lines = Json.Array(fulfillment?["lineItems"])
            .Select(l => (Sku: Json.String(l?["sku"]), Quantity: Json.Int(l?["quantity"])))
            .ToArray();
        if (orderId is null || !orderId.StartsWith(OrderGid, StringComparison.Ordinal) || company is null || number is null
            || lines.Length == 0 || lines.Any(l => l.Sku is null || l.Quantity is not > 0))
        {
            return Data("fulfillmentCreate", new JsonObject
            {
                ["fulfillment"] = null,
                ["userErrors"] = new JsonArray(UserError(["fulfillment"], "orderId (an Order gid), trackingInfo.company, trackingInfo.number and lineItems with sku and quantity are required.", "INVALID")),
            });
        }

        var url = Json.String(tracking!["url"]);
        state.Inbox.Track(orderId[OrderGid.Length..], company, number, url, lines.Select(l => new ChannelLine(l.Sku!, l.Quantity!.Value)).ToArray());
        return Data("fulfillmentCreate", new JsonObject
        {
            ["fulfillment"] = new JsonObject
            {
                ["id"] = $"gid://shopify/Fulfillment/{state.NextId()}",
                ["status"] = "SUCCESS",
                ["trackingInfo"] = new JsonArray(new JsonObject { ["company"] = company, ["number"] = number, ["url"] = url }),
            },
            ["userErrors"] = new JsonArray(),
        });
    }

    private static JsonObject OrderCancel(JsonObject variables, ShopifyState state)
    {
        var orderId = Json.String(variables["orderId"]);
        var reason = Json.String(variables["reason"]);
        if (orderId is null || !orderId.StartsWith(OrderGid, StringComparison.Ordinal) || reason is null)
        {
            return Data("orderCancel", new JsonObject
            {
                ["job"] = null,
                ["orderCancelUserErrors"] = new JsonArray(UserError(["orderId"], "orderId (an Order gid) and reason are required.", "INVALID")),
            });
        }

        state.Inbox.Cancel(orderId[OrderGid.Length..], reason, []);
        return Data("orderCancel", new JsonObject
        {
            ["job"] = new JsonObject { ["id"] = $"gid://shopify/Job/{Guid.NewGuid()}", ["done"] = false },
            ["orderCancelUserErrors"] = new JsonArray(),
        });
    }

    /// <summary>Simplified input as for fulfilments: <c>orderId</c>, <c>note</c>, <c>refundLineItems[{sku,quantity}]</c>,
    /// <c>transactions[{amount,kind}]</c> (none when only the return is recorded).</summary>
    private static JsonObject RefundCreate(JsonObject? input, ShopifyState state)
    {
        var orderId = Json.String(input?["orderId"]);
        var lines = Json.Array(input?["refundLineItems"])
            .Select(l => (Sku: Json.String(l?["sku"]), Quantity: Json.Int(l?["quantity"])))
            .ToArray();
        var amounts = Json.Array(input?["transactions"]).Select(t => t?["amount"] is JsonValue v && v.TryGetValue<decimal>(out var a) ? a : (decimal?)null).ToArray();
        if (orderId is null || !orderId.StartsWith(OrderGid, StringComparison.Ordinal)
            || lines.Length == 0 || lines.Any(l => l.Sku is null || l.Quantity is not > 0) || amounts.Any(a => a is not > 0))
        {
            return Data("refundCreate", new JsonObject
            {
                ["refund"] = null,
                ["userErrors"] = new JsonArray(UserError(["input"], "orderId (an Order gid), refundLineItems with sku and quantity, and positive transaction amounts are required.", "INVALID")),
            });
        }

        var currency = Json.String(Json.Array(input!["transactions"]).FirstOrDefault()?["currency"]);
        state.Inbox.Refund(orderId[OrderGid.Length..], Json.String(input["note"]), amounts.Sum(a => a!.Value), currency, lines.Select(l => new ChannelLine(l.Sku!, l.Quantity!.Value)).ToArray());
        return Data("refundCreate", new JsonObject
        {
            ["refund"] = new JsonObject { ["id"] = $"gid://shopify/Refund/{state.NextId()}" },
            ["userErrors"] = new JsonArray(),
        });
    }

    internal static JsonObject Data(string mutation, JsonObject payload) =>
        new() { ["data"] = new JsonObject { [mutation] = payload } };

    private static JsonObject Errors(string message, string code) =>
        new() { ["errors"] = new JsonArray(new JsonObject { ["message"] = message, ["extensions"] = new JsonObject { ["code"] = code } }) };

    internal static JsonObject UserError(string[] field, string message, string code) =>
        new() { ["field"] = new JsonArray(field.Select(f => (JsonNode?)f).ToArray()), ["message"] = message, ["code"] = code };

    [GeneratedRegex(@"\b(inventorySetQuantities|fulfillmentCreate|orderCancel|refundCreate|productSet|productVariants)\s*\(")]
    private static partial Regex MutationName();
}
