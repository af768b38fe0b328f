using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using RetailFunctions.Core.Channels.Shopify;
using RetailFunctions.Core.Recovery;
using RetailFunctions.Infrastructure.BackOffice;

namespace RetailFunctions.Infrastructure.Recovery;

/// <summary>
/// Shopify Admin REST <c>GET orders.json?updated_at_min=…&amp;status=any</c>, paged by the <c>Link</c> header's
/// <c>page_info</c> cursor. Each order is the body an <c>orders/create</c> webhook carries (<c>orders/cancelled</c> once cancelled).
/// </summary>
public sealed partial class ShopifyOrderFeed(HttpClient http, IOptionsMonitor<BackOfficeEndpointOptions> options) : IChannelOrderFeed
{
    private const int PageSize = 250;

    public string Channel => ShopifyWebhookChannel.ChannelName;

    public async Task<RecoverableOrderPage> ListUpdatedSinceAsync(DateTimeOffset since, string? pageToken, CancellationToken cancellationToken)
    {
        var settings = options.Get(BackOfficeSystems.Shopify);
        // Shopify refuses other filters next to page_info: the cursor carries them.
        var query = pageToken is null
            ? string.Create(CultureInfo.InvariantCulture, $"updated_at_min={Uri.EscapeDataString(since.UtcDateTime.ToString("O", CultureInfo.InvariantCulture))}&status=any&limit={PageSize}")
            : string.Create(CultureInfo.InvariantCulture, $"page_info={Uri.EscapeDataString(pageToken)}&limit={PageSize}");
        using var request = new HttpRequestMessage(HttpMethod.Get, $"admin/api/{settings.ApiVersion}/orders.json?{query}");
        if (settings.AccessToken is { Length: > 0 } token)
        {
            request.Headers.Add("X-Shopify-Access-Token", token);
        }

        using var response = await BackOfficeHttp.SendAsync(http, request, BackOfficeSystems.Shopify, "listOrders", cancellationToken);
        using var document = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(cancellationToken), cancellationToken: cancellationToken);
        var orders = document.RootElement.GetProperty("orders").EnumerateArray()
            .Select(order => new RecoverableOrder(
                FeedJson.RequiredText(order, "id"),
                FeedJson.RequiredInstant(order, "updated_at"),
                order.TryGetProperty("cancelled_at", out var cancelled) && cancelled.ValueKind == JsonValueKind.String ? ShopifyTopics.OrdersCancelled : ShopifyTopics.OrdersCreate,
                Encoding.UTF8.GetBytes(order.GetRawText())))
            .ToList();
        return new RecoverableOrderPage(orders, NextPageInfo(response));
    }

    private static string? NextPageInfo(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Link", out var links)
            && links.SelectMany(l => l.Split(',')).Select(l => NextLink().Match(l)).FirstOrDefault(m => m.Success) is { } next
            ? Uri.UnescapeDataString(next.Groups[1].Value)
            : null;

    [GeneratedRegex("""<[^>]*[?&]page_info=([^&>]+)[^>]*>;\s*rel="next"\s*$""")]
    private static partial Regex NextLink();
}
