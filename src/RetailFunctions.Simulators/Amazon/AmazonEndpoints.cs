using System.Text;
using System.Globalization;
using System.Text.Json.Nodes;
using RetailFunctions.Simulators.Channels;
using RetailFunctions.Simulators.Gateway;
using RetailFunctions.Simulators.Webhooks;

namespace RetailFunctions.Simulators.Amazon;

/// <summary>SP-API Orders v0, Feeds 2021-06-30 and Listings Items 2021-08-01, the parts the fabric uses.</summary>
public static class AmazonEndpoints
{
    public const string System = "amazon";

    public static IEndpointRouteBuilder MapAmazon(this IEndpointRouteBuilder app)
    {
        var amazon = app.MapGroup("/amazon");
        amazon.MapGet("/orders/v0/orders", ListOrders).Operation(System, "getOrders");
        amazon.MapGet("/orders/v0/orders/{orderId}", (string orderId, AmazonState state) =>
            state.Order(orderId) is { } order ? Results.Json(AmazonJson.Order(order)) : NotFound(orderId)).Operation(System, "getOrder");
        amazon.MapGet("/orders/v0/orders/{orderId}/orderItems", (string orderId, AmazonState state) =>
            state.Order(orderId) is { } order ? Results.Json(AmazonJson.OrderItems(order)) : NotFound(orderId)).Operation(System, "getOrderItems");
        amazon.MapPost("/orders/v0/orders/{orderId}/shipmentConfirmation", ConfirmShipment).Operation(System, "confirmShipment", IdempotencyMode.Optional);

        amazon.MapPost("/feeds/2021-06-30/documents", (HttpRequest request, AmazonState state) =>
        {
            var id = state.CreateDocument();
            // Stands in for the pre-signed S3 URL SP-API returns.
            var url = $"{request.Scheme}://{request.Host}/amazon/_uploads/{Uri.EscapeDataString(id)}";
            return Results.Json(new JsonObject { ["feedDocumentId"] = id, ["url"] = url }, statusCode: 201);
        }).Operation(System, "createFeedDocument", IdempotencyMode.Optional);
        amazon.MapPut("/_uploads/{feedDocumentId}", UploadDocument).Operation(System, "uploadFeedDocument");
        amazon.MapPost("/feeds/2021-06-30/feeds", CreateFeed).Operation(System, "createFeed", IdempotencyMode.Optional);
        amazon.MapGet("/feeds/2021-06-30/feeds/{feedId}", (string feedId, AmazonState state) =>
            state.Feeds().FirstOrDefault(f => f.FeedId == feedId) is { } feed
                ? Results.Json(FeedJson(feed))
                : Results.Json(AmazonJson.Error("NotFound", $"Feed {feedId} not found."), statusCode: 404)).Operation(System, "getFeed");

        amazon.MapPatch("/listings/2021-08-01/items/{sellerId}/{sku}", PatchListing).Operation(System, "patchListingsItem", IdempotencyMode.Optional);
        amazon.MapPut("/listings/2021-08-01/items/{sellerId}/{sku}", (string sellerId, string sku, JsonObject? body, AmazonState state) =>
            ListingAnswer(sku, AmazonListings.Put(state.Catalog, sku, body?["attributes"]), state)).Operation(System, "putListingsItem", IdempotencyMode.Optional);
        amazon.MapGet("/listings/2021-08-01/items/{sellerId}", SearchListings).Operation(System, "searchListingsItems");
        amazon.MapGet("/feeds/2021-06-30/documents/{feedDocumentId}", (string feedDocumentId, HttpRequest request, AmazonState state) =>
            state.Document(feedDocumentId) is null
                ? Results.Json(AmazonJson.Error("NotFound", $"Feed document {feedDocumentId} not found."), statusCode: 404)
                : Results.Json(new JsonObject { ["feedDocumentId"] = feedDocumentId, ["url"] = $"{request.Scheme}://{request.Host}/amazon/_uploads/{Uri.EscapeDataString(feedDocumentId)}" })).Operation(System, "getFeedDocument");
        amazon.MapGet("/_uploads/{feedDocumentId}", (string feedDocumentId, AmazonState state) =>
            state.Document(feedDocumentId) is { } content ? Results.Bytes(content, "application/json") : Results.NotFound()).Operation(System, "downloadFeedDocument");
        return app;
    }

    public static IEndpointRouteBuilder MapAmazonControl(this IEndpointRouteBuilder control)
    {
        control.MapPost("/amazon/orders", async (AmazonOrderSeed seed, bool? webhook, AmazonState state, ChannelWebhookSender webhooks, CancellationToken cancellationToken) =>
        {
            if (string.IsNullOrWhiteSpace(seed.AmazonOrderId) || seed.Items is not { Count: > 0 } || seed.Items.Any(i => string.IsNullOrWhiteSpace(i.Sku) || i.Quantity <= 0))
            {
                return Results.Problem(statusCode: 400, title: "amazonOrderId and items, each with a sku and a positive quantity, are required.");
            }

            var order = state.Seed(seed);
            if (webhook == true)
            {
                await webhooks.SendAsync(ChannelWebhookSender.Amazon, order.AmazonOrderId, "ORDER_CHANGE", ChannelWebhookSender.Utf8(AmazonJson.OrderChangeNotification(order).ToJsonString()), cancellationToken);
            }

            return Results.Created($"/amazon/orders/v0/orders/{seed.AmazonOrderId}", order);
        });
        control.MapGet("/amazon/orders", (AmazonState state) => Results.Ok(state.Orders()));
        control.MapGet("/amazon/feeds", (AmazonState state) => Results.Ok(state.Feeds()));
        return control.MapChannelInbox<AmazonState>(System, s => s.Inbox).MapChannelCatalog<AmazonState>(System, s => s.Catalog);
    }

    /// <summary>getOrders: <c>MarketplaceIds</c> and <c>LastUpdatedAfter</c> (or <c>NextToken</c>), up to <c>MaxResultsPerPage</c> (100).</summary>
    private static IResult ListOrders(HttpRequest request, AmazonState state)
    {
        var query = request.Query;
        var limit = int.TryParse(query["MaxResultsPerPage"], CultureInfo.InvariantCulture, out var requested) ? Math.Clamp(requested, 1, 100) : 100;
        DateTimeOffset since;
        var offset = 0;
        if (string.IsNullOrEmpty(query["MarketplaceIds"]))
        {
            return Results.Json(AmazonJson.Error("InvalidInput", "MarketplaceIds is required."), statusCode: 400);
        }

        if (query.ContainsKey("NextToken"))
        {
            if (!OrderListing.TryReadCursor(query["NextToken"], out since, out offset))
            {
                return Results.Json(AmazonJson.Error("InvalidInput", "NextToken is invalid."), statusCode: 400);
            }
        }
        else if (!OrderListing.TryReadInstant(query["LastUpdatedAfter"], out since))
        {
            return Results.Json(AmazonJson.Error("InvalidInput", "Either CreatedAfter or LastUpdatedAfter must be given, as ISO 8601."), statusCode: 400);
        }

        var (page, next) = OrderListing.Page(state.Orders(), o => o.LastUpdateDate, since, offset, limit);
        var payload = new JsonObject
        {
            ["Orders"] = new JsonArray([.. page.Select(o => AmazonJson.Order(o)["payload"]!.DeepClone())]),
            ["LastUpdatedBefore"] = DateTimeOffset.UtcNow.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
        };
        if (next is not null)
        {
            payload["NextToken"] = next;
        }

        return Results.Json(new JsonObject { ["payload"] = payload });
    }

    private static IResult ConfirmShipment(string orderId, JsonObject? body, AmazonState state)
    {
        var package = body?["packageDetail"] as JsonObject;
        var carrier = Json.String(package?["carrierCode"]) ?? Json.String(package?["carrierName"]);
        var trackingNumber = Json.String(package?["trackingNumber"]);
        var items = Json.Array(package?["orderItems"])
            .Select(i => (OrderItemId: Json.String(i?["orderItemId"]), Quantity: Json.Int(i?["quantity"])))
            .ToArray();
        if (Json.String(body?["marketplaceId"]) is null || Json.String(package?["packageReferenceId"]) is null || carrier is null
            || trackingNumber is null || Json.String(package?["shipDate"]) is null || items.Length == 0 || items.Any(i => i.OrderItemId is null || i.Quantity is null))
        {
            return Results.Json(AmazonJson.Error("InvalidInput", "marketplaceId and packageDetail (packageReferenceId, carrierCode, trackingNumber, shipDate, orderItems) are required."), statusCode: 400);
        }

        if (state.Order(orderId) is null)
        {
            return NotFound(orderId);
        }

        return state.ConfirmShipment(orderId, items.Select(i => (i.OrderItemId!, i.Quantity!.Value)).ToArray(), carrier, trackingNumber) is { } problem
            ? Results.Json(AmazonJson.Error("InvalidInput", problem), statusCode: 400)
            : Results.NoContent();
    }

    private static async Task<IResult> UploadDocument(string feedDocumentId, HttpRequest request, AmazonState state)
    {
        using var content = new MemoryStream();
        await request.Body.CopyToAsync(content, request.HttpContext.RequestAborted);
        return state.Upload(feedDocumentId, content.ToArray()) ? Results.Ok() : Results.NotFound();
    }

    private static IResult CreateFeed(JsonObject? body, AmazonState state)
    {
        var feedType = Json.String(body?["feedType"]);
        var documentId = Json.String(body?["inputFeedDocumentId"]);
        if (feedType is null || documentId is null || Json.Array(body?["marketplaceIds"]).Count == 0)
        {
            return Results.Json(AmazonJson.Error("InvalidInput", "feedType, marketplaceIds and inputFeedDocumentId are required."), statusCode: 400);
        }

        if (state.Document(documentId) is not { } content)
        {
            return Results.Json(AmazonJson.Error("InvalidInput", $"Feed document {documentId} does not exist or has no content."), statusCode: 400);
        }

        var issues = new JsonArray();
        var problem = AmazonFeedProcessor.Process(feedType, content, state, issues);
        var report = new JsonObject
        {
            ["header"] = new JsonObject { ["sellerId"] = "SIMULATED", ["version"] = "2.0" },
            ["issues"] = issues,
            ["summary"] = new JsonObject { ["errors"] = issues.Count, ["warnings"] = 0 },
        };
        var feed = state.AddFeed(feedType, documentId, problem, Encoding.UTF8.GetBytes(report.ToJsonString()));
        return Results.Json(new JsonObject { ["feedId"] = feed.FeedId }, statusCode: 202);
    }

    private static JsonObject FeedJson(AmazonFeed feed) => new()
    {
        ["feedId"] = feed.FeedId,
        ["feedType"] = feed.FeedType,
        ["marketplaceIds"] = new JsonArray(AmazonState.DefaultMarketplaceId),
        ["createdTime"] = feed.CreatedTime.UtcDateTime.ToString("O", CultureInfo.InvariantCulture),
        ["processingStatus"] = feed.ProcessingStatus,
        ["processingEndTime"] = feed.CreatedTime.UtcDateTime.ToString("O", CultureInfo.InvariantCulture),
        ["resultFeedDocumentId"] = feed.ResultFeedDocumentId,
    };

    private static IResult PatchListing(string sellerId, string sku, JsonObject? body, AmazonState state)
    {
        var quantity = AmazonListings.Quantity(body?["patches"]);
        var offer = AmazonListings.OfferPatch(body?["patches"]);
        if (quantity is null && offer is null)
        {
            return Results.Json(AmazonJson.Error("InvalidInput", "Only fulfillment_availability and purchasable_offer patches are simulated."), statusCode: 400);
        }

        if (quantity is { } units)
        {
            state.Inbox.SetInventory(sku, null, units, "patchListingsItem");
        }

        return ListingAnswer(sku, offer is null ? null : AmazonListings.PatchPrice(state.Catalog, sku, offer), state);
    }

    private static IResult ListingAnswer(string sku, string? issue, AmazonState state) =>
        Results.Json(new JsonObject
        {
            ["sku"] = sku,
            ["status"] = issue is null ? "ACCEPTED" : "INVALID",
            ["submissionId"] = state.NextSubmissionId(),
            ["issues"] = issue is null ? new JsonArray() : new JsonArray(new JsonObject { ["code"] = "90000", ["message"] = issue, ["severity"] = "ERROR" }),
        });

    private static IResult SearchListings(string sellerId, string? identifiers, AmazonState state)
    {
        var items = new JsonArray();
        foreach (var sku in (identifiers ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Take(20))
        {
            if (state.Catalog.Find(sku) is { } listing)
            {
                items.Add(new JsonObject { ["sku"] = sku, ["attributes"] = AmazonListings.Attributes(listing) });
            }
        }

        return Results.Json(new JsonObject { ["numberOfResults"] = items.Count, ["items"] = items });
    }

    private static IResult NotFound(string orderId) =>
        Results.Json(AmazonJson.Error("NotFound", $"Order {orderId} not found."), statusCode: 404);
}
