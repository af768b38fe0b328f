using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using System.Xml.Linq;

namespace RetailFunctions.Infrastructure.BackOffice;

/// <summary>
/// SP-API Feeds 2021-06-30 for an XML feed: create a feed document, upload to its pre-signed URL, create the feed. Every
/// call goes through the back-office handler, which honours the feeds' 429 and <c>Retry-After</c>.
/// </summary>
internal static class AmazonFeedSubmission
{
    /// <returns>The feed id.</returns>
    public static async Task<string> SubmitXmlAsync(
        HttpClient http,
        BackOfficeEndpointOptions settings,
        string feedType,
        XDocument feed,
        string idempotencyKey,
        CancellationToken cancellationToken)
    {
        const string Channel = BackOfficeSystems.Amazon;
        using var createDocument = Request(HttpMethod.Post, "feeds/2021-06-30/documents", new JsonObject { ["contentType"] = "text/xml; charset=UTF-8" }, null, settings);
        using var documentResponse = await BackOfficeHttp.SendAsync(http, createDocument, Channel, "createFeedDocument", cancellationToken);
        var document = await BackOfficeHttp.ReadAsync(documentResponse, BackOfficeJson.Default.AmazonFeedDocument, Channel, "createFeedDocument", cancellationToken);

        // The upload URL is pre-signed: it takes no SP-API token.
        using var upload = new HttpRequestMessage(HttpMethod.Put, new Uri(document.Url, UriKind.Absolute))
        {
            Content = new ByteArrayContent(Encoding.UTF8.GetBytes(feed.ToString(SaveOptions.DisableFormatting))),
        };
        upload.Content.Headers.ContentType = MediaTypeHeaderValue.Parse("text/xml; charset=UTF-8");
        await BackOfficeHttp.SendAndForgetAsync(http, upload, Channel, "uploadFeedDocument", cancellationToken);

        using var createFeed = Request(
            HttpMethod.Post,
            "feeds/2021-06-30/feeds",
            new JsonObject
            {
                ["feedType"] = feedType,
                ["marketplaceIds"] = new JsonArray(settings.MarketplaceId),
                ["inputFeedDocumentId"] = document.FeedDocumentId,
            },
            idempotencyKey,
            settings);
        using var feedResponse = await BackOfficeHttp.SendAsync(http, createFeed, Channel, "createFeed", cancellationToken);
        var created = await BackOfficeHttp.ReadAsync(feedResponse, BackOfficeJson.Default.AmazonFeedCreated, Channel, "createFeed", cancellationToken);
        return created.FeedId;
    }

    public static HttpRequestMessage Request(HttpMethod method, string path, JsonObject body, string? idempotencyKey, BackOfficeEndpointOptions settings)
    {
        var request = BackOfficeHttp.Json(method, path, body, BackOfficeJson.Default.JsonObject, idempotencyKey);
        if (settings.AccessToken is { Length: > 0 } token)
        {
            request.Headers.Add("x-amz-access-token", token);
        }

        return request;
    }
}
