using System.Globalization;
using System.Text.Json.Nodes;
using RetailFunctions.Simulators.Channels;
using RetailFunctions.Simulators.Gateway;
using RetailFunctions.Simulators.Webhooks;

namespace RetailFunctions.Simulators.Walmart;

/// <summary>Walmart Marketplace v3: orders (get, acknowledge, cancel lines, ship lines, refund lines) and inventory.</summary>
public static class WalmartEndpoints
{
    public const string System = "walmart";

    public static IEndpointRouteBuilder MapWalmart(this IEndpointRouteBuilder app)
    {
        var walmart = app.MapGroup("/walmart/v3");
        walmart.MapGet("/orders", ListOrders).Operation(System, "getAllOrders");
        walmart.MapGet("/orders/{purchaseOrderId}", (string purchaseOrderId, WalmartState state) =>
            state.Order(purchaseOrderId) is { } order ? Results.Json(WalmartJson.Order(order)) : NotFound(purchaseOrderId)).Operation(System, "getOrder");
        walmart.MapPost("/orders/{purchaseOrderId}/acknowledge", (string purchaseOrderId, WalmartState state) =>
            state.Acknowledge(purchaseOrderId) is { } order ? Results.Json(WalmartJson.Order(order)) : NotFound(purchaseOrderId)).Operation(System, "acknowledgeOrder", IdempotencyMode.Optional);
        walmart.MapPost("/orders/{purchaseOrderId}/cancel", CancelLines).Operation(System, "cancelOrderLines", IdempotencyMode.Optional);
        walmart.MapPost("/orders/{purchaseOrderId}/shipping", ShipLines).Operation(System, "shipOrderLines", IdempotencyMode.Optional);
        walmart.MapPost("/orders/{purchaseOrderId}/refund", RefundLines).Operation(System, "refundOrderLines", IdempotencyMode.Optional);
        walmart.MapPut("/inventory", UpdateInventory).Operation(System, "updateInventory", IdempotencyMode.Optional);
        walmart.MapPost("/feeds", Feed).OperationByQuery(System, "bulkInventoryFeed", "feedType", FeedOperations, IdempotencyMode.Optional);
        walmart.MapGet("/feeds/{feedId}", (string feedId, WalmartState state) => WalmartCatalog.FeedStatus(feedId, state)).Operation(System, "getFeedStatus");
        walmart.MapPut("/price", (JsonObject? body, WalmartState state) => WalmartCatalog.UpdatePrice(body, state)).Operation(System, "updatePrice", IdempotencyMode.Optional);
        walmart.MapGet("/items/{sku}", (string sku, WalmartState state) => WalmartCatalog.GetItem(sku, state)).Operation(System, "getItem");
        return app;
    }

    public static IEndpointRouteBuilder MapWalmartControl(this IEndpointRouteBuilder control)
    {
        control.MapPost("/walmart/orders", async (WalmartOrderSeed seed, bool? webhook, WalmartState state, ChannelWebhookSender webhooks, CancellationToken cancellationToken) =>
        {
            if (string.IsNullOrWhiteSpace(seed.PurchaseOrderId) || seed.Lines is not { Count: > 0 } || seed.Lines.Any(l => string.IsNullOrWhiteSpace(l.Sku) || l.Quantity <= 0))
            {
                return Results.Problem(statusCode: 400, title: "purchaseOrderId and lines, each with a sku and a positive quantity, are required.");
            }

            var order = state.Seed(seed);
            if (webhook == true)
            {
                var delivery = new JsonObject
                {
                    ["source"] = new JsonObject { ["eventType"] = "PO_CREATED", ["eventTime"] = order.LastModified.UtcDateTime.ToString("O", CultureInfo.InvariantCulture), ["eventId"] = Guid.NewGuid().ToString() },
                    ["payload"] = WalmartJson.Order(order)["order"]!.DeepClone(),
                };
                await webhooks.SendAsync(ChannelWebhookSender.Walmart, order.PurchaseOrderId, "PO_CREATED", ChannelWebhookSender.Utf8(delivery.ToJsonString()), cancellationToken);
            }

            return Results.Created($"/walmart/v3/orders/{seed.PurchaseOrderId}", order);
        });
        control.MapGet("/walmart/orders", (WalmartState state) => Results.Ok(state.Orders()));
        return control.MapChannelInbox<WalmartState>(System, s => s.Inbox).MapChannelCatalog<WalmartState>(System, s => s.Catalog);
    }

    /// <summary>getAllOrders: <c>lastModifiedStartDate</c> (ISO 8601), <c>limit</c> (≤ 200); <c>meta.nextCursor</c> is the next call's query string.</summary>
    private static IResult ListOrders(HttpRequest request, WalmartState state)
    {
        var query = request.Query;
        var limit = int.TryParse(query["limit"], CultureInfo.InvariantCulture, out var requested) ? Math.Clamp(requested, 1, 200) : 100;
        DateTimeOffset since;
        var offset = 0;
        if (query.ContainsKey("cursor"))
        {
            if (!OrderListing.TryReadCursor(query["cursor"], out since, out offset))
            {
                return Invalid("cursor is invalid.");
            }
        }
        else if (!query.ContainsKey("lastModifiedStartDate"))
        {
            since = DateTimeOffset.MinValue;
        }
        else if (!OrderListing.TryReadInstant(query["lastModifiedStartDate"], out since))
        {
            return Invalid("lastModifiedStartDate must be an ISO 8601 time.");
        }

        var orders = state.Orders();
        var (page, next) = OrderListing.Page(orders, o => o.LastModified, since, offset, limit);
        var meta = new JsonObject { ["totalCount"] = orders.Count(o => o.LastModified >= since), ["limit"] = limit };
        if (next is not null)
        {
            meta["nextCursor"] = $"?cursor={Uri.EscapeDataString(next)}&limit={limit.ToString(CultureInfo.InvariantCulture)}";
        }

        return Results.Json(new JsonObject
        {
            ["list"] = new JsonObject
            {
                ["meta"] = meta,
                ["elements"] = new JsonObject { ["order"] = new JsonArray([.. page.Select(o => WalmartJson.Order(o)["order"]!.DeepClone())]) },
            },
        });
    }

    private static IResult CancelLines(string purchaseOrderId, JsonObject? body, WalmartState state)
    {
        var lines = Lines(body?["orderCancellation"]);
        if (lines.Length == 0 || lines.Any(l => l.LineNumber is null || l.Status != "Cancelled"))
        {
            return Invalid("orderCancellation.orderLines.orderLine[] needs lineNumber and an orderLineStatus of Cancelled.");
        }

        var (order, problem) = state.UpdateLines(purchaseOrderId, lines.Select(l => l.LineNumber!).ToArray(), "Cancelled", null, null);
        if (order is null)
        {
            return state.Order(purchaseOrderId) is null ? NotFound(purchaseOrderId) : Invalid(problem!);
        }

        state.Inbox.Cancel(purchaseOrderId, lines[0].Reason, ToChannelLines(order, lines));
        return Results.Json(WalmartJson.Order(order));
    }

    private static IResult ShipLines(string purchaseOrderId, JsonObject? body, WalmartState state)
    {
        var lines = Lines(body?["orderShipment"]);
        var tracking = lines.FirstOrDefault().Tracking;
        var carrier = Json.String(tracking?["carrierName"]?["carrier"]) ?? Json.String(tracking?["carrierName"]?["otherCarrier"]);
        var trackingNumber = Json.String(tracking?["trackingNumber"]);
        if (lines.Length == 0 || lines.Any(l => l.LineNumber is null || l.Status != "Shipped") || carrier is null || trackingNumber is null)
        {
            return Invalid("orderShipment.orderLines.orderLine[] needs lineNumber, an orderLineStatus of Shipped and trackingInfo with carrierName and trackingNumber.");
        }

        var (order, problem) = state.UpdateLines(purchaseOrderId, lines.Select(l => l.LineNumber!).ToArray(), "Shipped", carrier, trackingNumber);
        if (order is null)
        {
            return state.Order(purchaseOrderId) is null ? NotFound(purchaseOrderId) : Invalid(problem!);
        }

        state.Inbox.Track(purchaseOrderId, carrier, trackingNumber, Json.String(tracking?["trackingURL"]), ToChannelLines(order, lines));
        return Results.Json(WalmartJson.Order(order));
    }

    /// <summary>
    /// Walmart refunds shipped lines only, with negative amounts no larger than what the line was charged. The refunded
    /// quantity is not in the request: a full refund is the line's quantity, a partial one is priced back in units.
    /// </summary>
    private static IResult RefundLines(string purchaseOrderId, JsonObject? body, WalmartState state)
    {
        if (state.Order(purchaseOrderId) is not { } order)
        {
            return NotFound(purchaseOrderId);
        }

        var refunds = Json.Array(body?["orderRefund"]?["orderLines"]?["orderLine"]).Select(line =>
        {
            var charges = Json.Array(line?["refunds"]?["refund"]).SelectMany(r => Json.Array(r?["refundCharges"]?["refundCharge"])).ToArray();
            var amounts = charges.Select(c => Amount(c?["charge"]?["chargeAmount"]) + Amount(c?["charge"]?["tax"]?["taxAmount"])).ToArray();
            return (
                Line: order.Lines.FirstOrDefault(l => l.LineNumber == Json.String(line?["lineNumber"])),
                Full: line?["isFullRefund"] is JsonValue full && full.TryGetValue<bool>(out var isFull) && isFull,
                Amount: amounts.Contains(null) || charges.Length == 0 ? null : amounts.Sum(),
                Comment: charges.Length == 0 ? null : Json.String(Json.Array(line?["refunds"]?["refund"])[0]?["refundComments"]),
                Currency: Json.String(charges.FirstOrDefault()?["charge"]?["chargeAmount"]?["currency"]));
        }).ToArray();
        if (refunds.Length == 0 || refunds.Any(r => r.Line is null || r.Amount is not < 0m || r.Currency != order.Currency))
        {
            return Invalid($"orderRefund.orderLines.orderLine[] needs a lineNumber of the order and refundCharges with negative {order.Currency} amounts.");
        }

        if (refunds.FirstOrDefault(r => r.Line!.Status != "Shipped" || -r.Amount!.Value > r.Line.UnitPrice * r.Line.Quantity * 1.5m) is { Line: { } refused })
        {
            return Invalid($"Line {refused.LineNumber} is {refused.Status} or the refund exceeds what it was charged; only shipped lines can be refunded.");
        }

        state.Inbox.Refund(
            purchaseOrderId,
            refunds[0].Comment,
            -refunds.Sum(r => r.Amount!.Value),
            order.Currency,
            refunds.Select(r => new ChannelLine(r.Line!.Sku, r.Full || r.Line.UnitPrice <= 0m ? r.Line.Quantity : Math.Clamp((int)Math.Floor(-r.Amount!.Value / r.Line.UnitPrice), 1, r.Line.Quantity))).ToArray());
        return Results.Json(WalmartJson.Order(order));
    }

    private static decimal? Amount(JsonNode? money) =>
        money is null ? 0m : money["amount"] is JsonValue value && value.TryGetValue<decimal>(out var amount) ? amount : null;

    private static IResult UpdateInventory(string? sku, JsonObject? body, WalmartState state)
    {
        var bodySku = Json.String(body?["sku"]);
        var amount = Json.Int(body?["quantity"]?["amount"]);
        if (sku is null || bodySku != sku || amount is not >= 0)
        {
            return Invalid("The sku query parameter must match the body, and quantity.amount must be a non-negative number.");
        }

        state.Inbox.SetInventory(sku, null, amount.Value, "updateInventory");
        return Results.Json(body);
    }

    /// <summary>Feed types and the operation (rate limit, counters) each is under.</summary>
    private static readonly Dictionary<string, string> FeedOperations = new(StringComparer.Ordinal)
    {
        ["inventory"] = "bulkInventoryFeed",
        ["MP_ITEM"] = "itemFeed",
        ["price"] = "priceFeed",
    };

    // Walmart takes feeds as a multipart file; the simulator takes the same JSON document as the request body.
    private static IResult Feed(string? feedType, JsonObject? body, WalmartState state) => feedType switch
    {
        "MP_ITEM" => WalmartCatalog.ItemFeed(body, state),
        "price" => WalmartCatalog.PriceFeed(body, state),
        _ => InventoryFeed(feedType, body, state),
    };

    private static IResult InventoryFeed(string? feedType, JsonObject? body, WalmartState state)
    {
        var items = Json.Array(body?["Inventory"]);
        if (feedType != "inventory" || items.Count == 0 || items.Any(i => Json.String(i?["sku"]) is null || Json.Int(i?["quantity"]?["amount"]) is not >= 0))
        {
            return Invalid("feedType=inventory and a body {\"InventoryHeader\":{\"version\":\"1.4\"},\"Inventory\":[{\"sku\",\"quantity\":{\"unit\":\"EACH\",\"amount\"}}]} are required.");
        }

        foreach (var item in items)
        {
            state.Inbox.SetInventory(Json.String(item!["sku"])!, null, Json.Int(item["quantity"]!["amount"])!.Value, "bulkInventoryFeed");
        }

        return Results.Json(new JsonObject { ["feedId"] = state.NextFeedId() }, statusCode: 202);
    }

    private static (string? LineNumber, string? Status, string? Reason, int? Quantity, JsonNode? Tracking)[] Lines(JsonNode? root) =>
        Json.Array(root?["orderLines"]?["orderLine"])
            .Select(line =>
            {
                var status = Json.Array(line?["orderLineStatuses"]?["orderLineStatus"]).FirstOrDefault();
                return (Json.String(line?["lineNumber"]), Json.String(status?["status"]), Json.String(status?["cancellationReason"]), Json.Int(status?["statusQuantity"]?["amount"]), status?["trackingInfo"]);
            })
            .ToArray();

    private static ChannelLine[] ToChannelLines(WalmartOrder order, (string? LineNumber, string? Status, string? Reason, int? Quantity, JsonNode? Tracking)[] lines) =>
        lines.Select(l =>
        {
            var orderLine = order.Lines.First(o => o.LineNumber == l.LineNumber);
            return new ChannelLine(orderLine.Sku, l.Quantity ?? orderLine.Quantity);
        }).ToArray();

    internal static IResult Invalid(string description) => Results.Json(WalmartJson.Error("INVALID_REQUEST_CONTENT.GMP_ORDER_API", description), statusCode: 400);

    private static IResult NotFound(string purchaseOrderId) =>
        Results.Json(WalmartJson.Error("CONTENT_NOT_FOUND.GMP_ORDER_API", $"Purchase order {purchaseOrderId} not found."), statusCode: 404);
}
