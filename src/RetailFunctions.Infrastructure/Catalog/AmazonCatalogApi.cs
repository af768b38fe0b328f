using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using RetailFunctions.Core.BackOffice;
using RetailFunctions.Core.Catalog;
using RetailFunctions.Infrastructure.BackOffice;
using RetailFunctions.Infrastructure.Inventory;

namespace RetailFunctions.Infrastructure.Catalog;

/// <summary>
/// SP-API Listings Items: one listing goes as <c>putListingsItem</c> (new or changed content) or <c>patchListingsItem</c>
/// (price only), 5 rps; more go as one <c>JSON_LISTINGS_FEED</c> whose processing report names the invalid messages.
/// Reads back through <c>searchListingsItems</c> (20 SKUs per call).
/// </summary>
public sealed class AmazonCatalogApi(HttpClient http, IOptionsMonitor<BackOfficeEndpointOptions> endpoints, IOptions<CatalogApiOptions> apiOptions) : ICatalogChannelApi
{
    public const int MaxSkusPerSearch = 20;

    private const string ProductType = "PRODUCT";

    public string Channel => CatalogChannels.Amazon;

    public Task<IReadOnlyList<ListingResult>> PublishAsync(IReadOnlyList<ChannelProduct> products, CancellationToken cancellationToken) =>
        products.Count == 1 ? SingleAsync(products[0], cancellationToken) : FeedAsync(products, cancellationToken);

    public async Task<IReadOnlyDictionary<string, ChannelHolding>> ReadAsync(IReadOnlyList<string> skus, CancellationToken cancellationToken)
    {
        var settings = endpoints.Get(BackOfficeSystems.Amazon);
        var holdings = new Dictionary<string, ChannelHolding>(StringComparer.Ordinal);
        foreach (var chunk in skus.Chunk(MaxSkusPerSearch))
        {
            var path = $"listings/2021-08-01/items/{Uri.EscapeDataString(SellerId(settings))}?marketplaceIds={Uri.EscapeDataString(settings.MarketplaceId)}&identifiersType=SKU&includedData=attributes&identifiers={Uri.EscapeDataString(string.Join(',', chunk))}";
            using var request = Request(HttpMethod.Get, path, null, settings);
            using var response = await BackOfficeHttp.SendAsync(http, request, Channel, "searchListingsItems", cancellationToken);
            var body = await BackOfficeHttp.ReadAsync(response, InventoryHttpJson.Default.JsonObject, Channel, "searchListingsItems", cancellationToken);
            foreach (var item in body["items"] as JsonArray ?? [])
            {
                if (item?["sku"]?.GetValue<string>() is { } sku)
                {
                    holdings[sku] = new ChannelHolding(sku, OfferPrice(item["attributes"]?["purchasable_offer"]), new Dictionary<string, decimal>());
                }
            }
        }

        return holdings;
    }

    private async Task<IReadOnlyList<ListingResult>> SingleAsync(ChannelProduct product, CancellationToken cancellationToken)
    {
        var settings = endpoints.Get(BackOfficeSystems.Amazon);
        var path = $"listings/2021-08-01/items/{Uri.EscapeDataString(SellerId(settings))}/{Uri.EscapeDataString(product.Sku)}?marketplaceIds={Uri.EscapeDataString(settings.MarketplaceId)}";
        var full = product.IsNew || product.ContentChanged;
        var body = full
            ? new JsonObject { ["productType"] = ProductType, ["requirements"] = "LISTING", ["attributes"] = Attributes(product, settings.MarketplaceId) }
            : new JsonObject { ["productType"] = ProductType, ["patches"] = PricePatch(product, settings.MarketplaceId) };
        var operation = full ? "putListingsItem" : "patchListingsItem";
        using var request = Request(full ? HttpMethod.Put : HttpMethod.Patch, path, body, settings);
        try
        {
            using var response = await BackOfficeHttp.SendAsync(http, request, Channel, operation, cancellationToken);
            var answer = await BackOfficeHttp.ReadAsync(response, InventoryHttpJson.Default.JsonObject, Channel, operation, cancellationToken);
            return [new ListingResult(product.Sku, answer["status"]?.GetValue<string>() == "INVALID" ? Issues(answer["issues"] as JsonArray) : null)];
        }
        catch (BackOfficeRejectedException ex)
        {
            return [new ListingResult(product.Sku, ex.Message)];
        }
    }

    private async Task<IReadOnlyList<ListingResult>> FeedAsync(IReadOnlyList<ChannelProduct> products, CancellationToken cancellationToken)
    {
        var settings = endpoints.Get(BackOfficeSystems.Amazon);
        var feed = new JsonObject
        {
            ["header"] = new JsonObject { ["sellerId"] = SellerId(settings), ["version"] = "2.0", ["issueLocale"] = "en_US" },
            ["messages"] = new JsonArray(products.Select((p, i) => (JsonNode?)(p.IsNew || p.ContentChanged
                ? new JsonObject { ["messageId"] = i + 1, ["sku"] = p.Sku, ["operationType"] = "UPDATE", ["productType"] = ProductType, ["requirements"] = "LISTING", ["attributes"] = Attributes(p, settings.MarketplaceId) }
                : new JsonObject { ["messageId"] = i + 1, ["sku"] = p.Sku, ["operationType"] = "PATCH", ["productType"] = ProductType, ["patches"] = PricePatch(p, settings.MarketplaceId) })).ToArray()),
        };

        var feedId = await SubmitFeedAsync(feed, settings, cancellationToken);
        var report = await ProcessingReportAsync(feedId, settings, cancellationToken);
        var issues = (report["issues"] as JsonArray ?? [])
            .Where(i => i?["severity"]?.GetValue<string>() == "ERROR" && i["messageId"] is not null)
            .GroupBy(i => i!["messageId"]!.GetValue<int>())
            .ToDictionary(g => g.Key, g => string.Join("; ", g.Select(i => i!["message"]?.GetValue<string>())));
        return products.Select((p, i) => new ListingResult(p.Sku, issues.GetValueOrDefault(i + 1))).ToArray();
    }

    private async Task<string> SubmitFeedAsync(JsonObject feed, BackOfficeEndpointOptions settings, CancellationToken cancellationToken)
    {
        using var createDocument = Request(HttpMethod.Post, "feeds/2021-06-30/documents", new JsonObject { ["contentType"] = "application/json; charset=UTF-8" }, settings);
        using var documentResponse = await BackOfficeHttp.SendAsync(http, createDocument, Channel, "createFeedDocument", cancellationToken);
        var document = await BackOfficeHttp.ReadAsync(documentResponse, InventoryHttpJson.Default.JsonObject, Channel, "createFeedDocument", cancellationToken);
        var documentId = document["feedDocumentId"]?.GetValue<string>();
        if (documentId is null || !Uri.TryCreate(document["url"]?.GetValue<string>(), UriKind.Absolute, out var uploadUrl))
        {
            throw new BackOfficeRejectedException(Channel, "createFeedDocument", (int)documentResponse.StatusCode, "no feedDocumentId or url in the response");
        }

        // The upload URL is pre-signed: it takes no SP-API token.
        using var upload = new HttpRequestMessage(HttpMethod.Put, uploadUrl) { Content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(feed, InventoryHttpJson.Default.JsonObject)) };
        upload.Content.Headers.ContentType = MediaTypeHeaderValue.Parse("application/json; charset=UTF-8");
        await BackOfficeHttp.SendAndForgetAsync(http, upload, Channel, "uploadFeedDocument", cancellationToken);

        using var createFeed = Request(
            HttpMethod.Post,
            "feeds/2021-06-30/feeds",
            new JsonObject { ["feedType"] = "JSON_LISTINGS_FEED", ["marketplaceIds"] = new JsonArray(settings.MarketplaceId), ["inputFeedDocumentId"] = documentId },
            settings);
        using var feedResponse = await BackOfficeHttp.SendAsync(http, createFeed, Channel, "createFeed", cancellationToken);
        var created = await BackOfficeHttp.ReadAsync(feedResponse, InventoryHttpJson.Default.JsonObject, Channel, "createFeed", cancellationToken);
        return created["feedId"]?.GetValue<string>() ?? throw new BackOfficeRejectedException(Channel, "createFeed", (int)feedResponse.StatusCode, "no feedId in the response");
    }

    /// <summary>Polls the feed until it is processed, then fetches its processing report.</summary>
    private async Task<JsonObject> ProcessingReportAsync(string feedId, BackOfficeEndpointOptions settings, CancellationToken cancellationToken)
    {
        var poll = apiOptions.Value;
        for (var attempt = 1; ; attempt++)
        {
            using var getFeed = Request(HttpMethod.Get, $"feeds/2021-06-30/feeds/{Uri.EscapeDataString(feedId)}", null, settings);
            using var feedResponse = await BackOfficeHttp.SendAsync(http, getFeed, Channel, "getFeed", cancellationToken);
            var feed = await BackOfficeHttp.ReadAsync(feedResponse, InventoryHttpJson.Default.JsonObject, Channel, "getFeed", cancellationToken);
            var status = feed["processingStatus"]?.GetValue<string>();
            if (status is "DONE" or "FATAL" && feed["resultFeedDocumentId"]?.GetValue<string>() is { } reportId)
            {
                using var getDocument = Request(HttpMethod.Get, $"feeds/2021-06-30/documents/{Uri.EscapeDataString(reportId)}", null, settings);
                using var documentResponse = await BackOfficeHttp.SendAsync(http, getDocument, Channel, "getFeedDocument", cancellationToken);
                var document = await BackOfficeHttp.ReadAsync(documentResponse, InventoryHttpJson.Default.JsonObject, Channel, "getFeedDocument", cancellationToken);
                using var download = new HttpRequestMessage(HttpMethod.Get, document["url"]?.GetValue<string>());
                using var reportResponse = await BackOfficeHttp.SendAsync(http, download, Channel, "downloadFeedDocument", cancellationToken);
                return await BackOfficeHttp.ReadAsync(reportResponse, InventoryHttpJson.Default.JsonObject, Channel, "downloadFeedDocument", cancellationToken);
            }

            if (status is "CANCELLED" or "FATAL" || attempt >= poll.FeedPollAttempts)
            {
                throw new BackOfficeUnavailableException(Channel, "getFeed", null, $"feed {feedId} is {status} with no processing report");
            }

            await Task.Delay(poll.FeedPollInterval, cancellationToken);
        }
    }

    private static JsonObject Attributes(ChannelProduct product, string marketplaceId)
    {
        var attributes = new JsonObject
        {
            ["item_name"] = Value(product.Title, marketplaceId),
            ["brand"] = Value(product.Brand, marketplaceId),
            ["product_description"] = Value(product.Description, marketplaceId),
            ["purchasable_offer"] = Offer(product, marketplaceId),
        };
        if (product.Gtin is { } gtin)
        {
            attributes["externally_assigned_product_identifier"] = new JsonArray(new JsonObject { ["type"] = gtin.Length == 12 ? "upc" : "ean", ["value"] = gtin, ["marketplace_id"] = marketplaceId });
        }

        return attributes;
    }

    private static JsonArray PricePatch(ChannelProduct product, string marketplaceId) =>
        new(new JsonObject { ["op"] = "replace", ["path"] = "/attributes/purchasable_offer", ["value"] = Offer(product, marketplaceId) });

    private static JsonArray Offer(ChannelProduct product, string marketplaceId) =>
        new(new JsonObject
        {
            ["marketplace_id"] = marketplaceId,
            ["currency"] = product.Currency,
            ["our_price"] = new JsonArray(new JsonObject { ["schedule"] = new JsonArray(new JsonObject { ["value_with_tax"] = product.Price }) }),
        });

    private static JsonArray Value(string? value, string marketplaceId) =>
        value is null ? [] : new JsonArray(new JsonObject { ["value"] = value, ["marketplace_id"] = marketplaceId });

    private static decimal? OfferPrice(JsonNode? offer) =>
        (offer as JsonArray)?.FirstOrDefault()?["our_price"]?[0]?["schedule"]?[0]?["value_with_tax"] is JsonValue value && value.TryGetValue<decimal>(out var price) ? price : null;

    private static string Issues(JsonArray? issues) =>
        issues is { Count: > 0 } ? string.Join("; ", issues.Select(i => i?["message"]?.GetValue<string>())) : "listing INVALID without issues";

    private static string SellerId(BackOfficeEndpointOptions settings) => settings.SellerId ?? "UNSET";

    private static HttpRequestMessage Request(HttpMethod method, string path, JsonObject? body, BackOfficeEndpointOptions settings)
    {
        var request = body is null ? new HttpRequestMessage(method, path) : BackOfficeHttp.Json(method, path, body, InventoryHttpJson.Default.JsonObject, null);
        if (settings.AccessToken is { Length: > 0 } token)
        {
            request.Headers.Add("x-amz-access-token", token);
        }

        return request;
    }
}
