using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using RetailFunctions.Core.Inventory;
using RetailFunctions.Infrastructure.BackOffice;

namespace RetailFunctions.Infrastructure.Inventory;

/// <summary>
/// SP-API listings quantities: a single value as a Listings Items <c>patchListingsItem</c> (5 rps, burst 10), a batch
/// as one <c>JSON_LISTINGS_FEED</c> (create document, upload, create feed: burst 15, then one per two minutes). The
/// channel confirms a feed by accepting it.
/// </summary>
public sealed class AmazonInventoryApi(HttpClient http, IOptionsMonitor<BackOfficeEndpointOptions> endpoints) : IChannelInventoryApi
{
    private const string ListingsFeed = "JSON_LISTINGS_FEED";
    private const string ProductType = "PRODUCT";

    public string Channel => InventoryChannels.Amazon;

    public async Task PushOneAsync(ChannelQuantity quantity, CancellationToken cancellationToken)
    {
        var settings = endpoints.Get(BackOfficeSystems.Amazon);
        var path = $"listings/2021-08-01/items/{Uri.EscapeDataString(SellerId(settings))}/{Uri.EscapeDataString(quantity.Sku)}?marketplaceIds={Uri.EscapeDataString(settings.MarketplaceId)}";
        using var request = Request(HttpMethod.Patch, path, new JsonObject { ["productType"] = ProductType, ["patches"] = Patches(quantity.Quantity) }, settings);
        using var response = await BackOfficeHttp.SendAsync(http, request, Channel, "patchListingsItem", cancellationToken);
    }

    public async Task PushAsync(IReadOnlyList<ChannelQuantity> quantities, CancellationToken cancellationToken)
    {
        var settings = endpoints.Get(BackOfficeSystems.Amazon);
        var feed = new JsonObject
        {
            ["header"] = new JsonObject { ["sellerId"] = SellerId(settings), ["version"] = "2.0", ["issueLocale"] = "en_US" },
            ["messages"] = new JsonArray(quantities.Select((q, i) => (JsonNode?)new JsonObject
            {
                ["messageId"] = i + 1,
                ["sku"] = q.Sku,
                ["operationType"] = "PATCH",
                ["productType"] = ProductType,
                ["patches"] = Patches(q.Quantity),
            }).ToArray()),
        };

        using var createDocument = Request(HttpMethod.Post, "feeds/2021-06-30/documents", new JsonObject { ["contentType"] = "application/json; charset=UTF-8" }, settings);
        using var documentResponse = await BackOfficeHttp.SendAsync(http, createDocument, Channel, "createFeedDocument", cancellationToken);
        var document = await BackOfficeHttp.ReadAsync(documentResponse, InventoryHttpJson.Default.JsonObject, Channel, "createFeedDocument", cancellationToken);
        var documentId = document["feedDocumentId"]?.GetValue<string>();
        var url = document["url"]?.GetValue<string>();
        if (documentId is null || !Uri.TryCreate(url, UriKind.Absolute, out var uploadUrl))
        {
            throw new Core.BackOffice.BackOfficeRejectedException(Channel, "createFeedDocument", (int)documentResponse.StatusCode, "no feedDocumentId or url in the response");
        }

        // The upload URL is pre-signed: it takes no SP-API token.
        using var upload = new HttpRequestMessage(HttpMethod.Put, uploadUrl) { Content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(feed, InventoryHttpJson.Default.JsonObject)) };
        upload.Content.Headers.ContentType = MediaTypeHeaderValue.Parse("application/json; charset=UTF-8");
        await BackOfficeHttp.SendAndForgetAsync(http, upload, Channel, "uploadFeedDocument", cancellationToken);

        using var createFeed = Request(
            HttpMethod.Post,
            "feeds/2021-06-30/feeds",
            new JsonObject { ["feedType"] = ListingsFeed, ["marketplaceIds"] = new JsonArray(settings.MarketplaceId), ["inputFeedDocumentId"] = documentId },
            settings);
        await BackOfficeHttp.SendAndForgetAsync(http, createFeed, Channel, "createFeed", cancellationToken);
    }

    private static JsonArray Patches(int quantity) =>
        new(new JsonObject
        {
            ["op"] = "replace",
            ["path"] = "/attributes/fulfillment_availability",
            ["value"] = new JsonArray(new JsonObject { ["fulfillment_channel_code"] = "DEFAULT", ["quantity"] = quantity }),
        });

    private static string SellerId(BackOfficeEndpointOptions settings) => settings.SellerId ?? "UNSET";

    private static HttpRequestMessage Request(HttpMethod method, string path, JsonObject body, BackOfficeEndpointOptions settings)
    {
        var request = BackOfficeHttp.Json(method, path, body, InventoryHttpJson.Default.JsonObject, null);
        if (settings.AccessToken is { Length: > 0 } token)
        {
            request.Headers.Add("x-amz-access-token", token);
        }

        return request;
    }
}
