using System.Globalization;
using System.Text.Json.Nodes;
using RetailFunctions.Simulators.Channels;
using RetailFunctions.Simulators.Gateway;
using RetailFunctions.Simulators.Webhooks;

namespace RetailFunctions.Simulators.Shopify;

/// <summary>
/// Admin REST <c>GET admin/api/{version}/orders.json?updated_at_min=…&amp;status=any&amp;limit=…</c> (listOrders), paged
/// by <c>page_info</c> in the <c>Link</c> header; control: <c>POST /_sim/shopify/orders[?webhook=true]</c>.
/// </summary>
public static class ShopifyOrderEndpoints
{
    private const int MaxLimit = 250;

    public static IEndpointRouteBuilder MapShopifyOrders(this IEndpointRouteBuilder app)
    {
        app.MapGet("/shopify/admin/api/{version}/orders.json", List).Operation(ShopifyEndpoints.System, "listOrders");
        return app;
    }

    public static IEndpointRouteBuilder MapShopifyOrdersControl(this IEndpointRouteBuilder control)
    {
        control.MapPost("/shopify/orders", async (JsonObject? order, bool? webhook, ShopifyState state, ChannelWebhookSender webhooks, CancellationToken cancellationToken) =>
        {
            if (order is null || state.Seed(order) is not { } stored)
            {
                return Results.Problem(statusCode: 400, title: "The body must be a Shopify order with a numeric id.");
            }

            if (webhook == true)
            {
                await webhooks.SendAsync(ChannelWebhookSender.Shopify, stored["id"]!.ToString(), "orders/create", ChannelWebhookSender.Utf8(stored.ToJsonString()), cancellationToken);
            }

            return Results.Json(stored, statusCode: 201);
        });
        control.MapGet("/shopify/orders", (ShopifyState state) => Results.Json(new JsonArray([.. state.Orders().Select(o => (JsonNode?)o.Order)])));
        return control;
    }

    private static IResult List(HttpRequest request, ShopifyState state)
    {
        var query = request.Query;
        var limit = int.TryParse(query["limit"], CultureInfo.InvariantCulture, out var requested) ? Math.Clamp(requested, 1, MaxLimit) : 50;
        DateTimeOffset since;
        var offset = 0;
        if (query.ContainsKey("page_info"))
        {
            if (query.Count(q => q.Key is not ("page_info" or "limit")) > 0 || !OrderListing.TryReadCursor(query["page_info"], out since, out offset))
            {
                return Results.Json(new JsonObject { ["errors"] = "page_info is invalid, or combined with filters other than limit." }, statusCode: 400);
            }
        }
        else if (!query.ContainsKey("updated_at_min"))
        {
            since = DateTimeOffset.MinValue;
        }
        else if (!OrderListing.TryReadInstant(query["updated_at_min"], out since))
        {
            return Results.Json(new JsonObject { ["errors"] = new JsonObject { ["updated_at_min"] = "must be an ISO 8601 time" } }, statusCode: 400);
        }

        var (page, next) = OrderListing.Page(state.Orders(), o => o.UpdatedAt, since, offset, limit);
        if (next is not null)
        {
            var url = $"{request.Scheme}://{request.Host}{request.Path}?limit={limit}&page_info={Uri.EscapeDataString(next)}";
            request.HttpContext.Response.Headers.Append("Link", $"<{url}>; rel=\"next\"");
        }

        return Results.Json(new JsonObject { ["orders"] = new JsonArray([.. page.Select(o => (JsonNode?)o.Order)]) });
    }
}
