using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using RetailFunctions.Core.BackOffice;
using RetailFunctions.Core.Catalog;
using RetailFunctions.Infrastructure.BackOffice;
using RetailFunctions.Infrastructure.Inventory;

namespace RetailFunctions.Infrastructure.Catalog;

/// <summary>
/// Walmart Marketplace v3: new or changed items go in an <c>MP_ITEM</c> feed (with their price); price-only changes as
/// <c>PUT price</c> for one, a <c>price</c> feed for more. Feed results come from the feed status with
/// <c>includeDetails=true</c>: each item's ingestion status and errors. Reads back with <c>GET items/{sku}</c>.
/// </summary>
public sealed class WalmartCatalogApi(HttpClient http, IOptionsMonitor<BackOfficeEndpointOptions> endpoints, IOptions<CatalogApiOptions> apiOptions) : ICatalogChannelApi
{
    public string Channel => CatalogChannels.Walmart;

    public async Task<IReadOnlyList<ListingResult>> PublishAsync(IReadOnlyList<ChannelProduct> products, CancellationToken cancellationToken)
    {
        var items = products.Where(p => p.IsNew || p.ContentChanged).ToArray();
        var prices = products.Where(p => !(p.IsNew || p.ContentChanged)).ToArray();
        var results = new List<ListingResult>();
        if (items.Length > 0)
        {
            var feed = new JsonObject
            {
                ["MPItemFeedHeader"] = new JsonObject { ["version"] = "4.2", ["locale"] = "en", ["sellingChannel"] = "marketplace" },
                ["MPItem"] = new JsonArray(items.Select(p => (JsonNode?)Item(p)).ToArray()),
            };
            results.AddRange(await FeedAsync("MP_ITEM", feed, items, cancellationToken));
        }

        if (prices.Length == 1)
        {
            results.Add(await SinglePriceAsync(prices[0], cancellationToken));
        }
        else if (prices.Length > 1)
        {
            var feed = new JsonObject
            {
                ["PriceHeader"] = new JsonObject { ["version"] = "1.7" },
                ["Price"] = new JsonArray(prices.Select(p => (JsonNode?)new JsonObject
                {
                    ["itemIdentifier"] = new JsonObject { ["sku"] = p.Sku },
                    ["pricingList"] = new JsonObject { ["pricing"] = new JsonArray(new JsonObject { ["currentPriceType"] = "BASE", ["currentPrice"] = Money(p) }) },
                }).ToArray()),
            };
            results.AddRange(await FeedAsync("price", feed, prices, cancellationToken));
        }

        return results;
    }

    public async Task<IReadOnlyDictionary<string, ChannelHolding>> ReadAsync(IReadOnlyList<string> skus, CancellationToken cancellationToken)
    {
        var holdings = new Dictionary<string, ChannelHolding>(StringComparer.Ordinal);
        foreach (var sku in skus)
        {
            using var request = Request(HttpMethod.Get, $"v3/items/{Uri.EscapeDataString(sku)}", null);
            JsonObject body;
            try
            {
                using var response = await BackOfficeHttp.SendAsync(http, request, Channel, "getItem", cancellationToken);
                body = await BackOfficeHttp.ReadAsync(response, InventoryHttpJson.Default.JsonObject, Channel, "getItem", cancellationToken);
            }
            catch (BackOfficeRejectedException ex) when (ex.StatusCode == 404)
            {
                continue;
            }

            var item = (body["ItemResponse"] as JsonArray)?.FirstOrDefault();
            var amount = item?["price"]?["amount"] is JsonValue value && value.TryGetValue<decimal>(out var price) ? price : (decimal?)null;
            holdings[sku] = new ChannelHolding(sku, amount, new Dictionary<string, decimal>());
        }

        return holdings;
    }

    private async Task<ListingResult> SinglePriceAsync(ChannelProduct product, CancellationToken cancellationToken)
    {
        var body = new JsonObject { ["sku"] = product.Sku, ["pricing"] = new JsonArray(new JsonObject { ["currentPriceType"] = "BASE", ["currentPrice"] = Money(product) }) };
        using var request = Request(HttpMethod.Put, "v3/price", body);
        try
        {
            await BackOfficeHttp.SendAndForgetAsync(http, request, Channel, "updatePrice", cancellationToken);
            return new ListingResult(product.Sku, null);
        }
        catch (BackOfficeRejectedException ex)
        {
            return new ListingResult(product.Sku, ex.Message);
        }
    }

    private async Task<IReadOnlyList<ListingResult>> FeedAsync(string feedType, JsonObject feed, IReadOnlyList<ChannelProduct> products, CancellationToken cancellationToken)
    {
        var operation = feedType == "price" ? "priceFeed" : "itemFeed";
        using var submit = Request(HttpMethod.Post, $"v3/feeds?feedType={feedType}", feed);
        using var submitted = await BackOfficeHttp.SendAsync(http, submit, Channel, operation, cancellationToken);
        var feedId = (await BackOfficeHttp.ReadAsync(submitted, InventoryHttpJson.Default.JsonObject, Channel, operation, cancellationToken))["feedId"]?.GetValue<string>()
            ?? throw new BackOfficeRejectedException(Channel, operation, (int)submitted.StatusCode, "no feedId in the response");

        var poll = apiOptions.Value;
        for (var attempt = 1; ; attempt++)
        {
            using var status = Request(HttpMethod.Get, $"v3/feeds/{Uri.EscapeDataString(feedId)}?includeDetails=true", null);
            using var response = await BackOfficeHttp.SendAsync(http, status, Channel, "getFeedStatus", cancellationToken);
            var body = await BackOfficeHttp.ReadAsync(response, InventoryHttpJson.Default.JsonObject, Channel, "getFeedStatus", cancellationToken);
            if (body["feedStatus"]?.GetValue<string>() is "PROCESSED" or "ERROR")
            {
                var errors = (body["itemDetails"]?["itemIngestionStatus"] as JsonArray ?? [])
                    .Where(i => i?["ingestionStatus"]?.GetValue<string>() != "SUCCESS" && i?["sku"] is not null)
                    .ToDictionary(
                        i => i!["sku"]!.GetValue<string>(),
                        i => string.Join("; ", (i!["ingestionErrors"]?["ingestionError"] as JsonArray ?? []).Select(e => e?["description"]?.GetValue<string>())),
                        StringComparer.Ordinal);
                return products.Select(p => new ListingResult(p.Sku, errors.TryGetValue(p.Sku, out var error) ? (error.Length > 0 ? error : "DATA_ERROR") : null)).ToArray();
            }

            if (attempt >= poll.FeedPollAttempts)
            {
                throw new BackOfficeUnavailableException(Channel, "getFeedStatus", null, $"feed {feedId} not processed yet");
            }

            await Task.Delay(poll.FeedPollInterval, cancellationToken);
        }
    }

    private static JsonObject Item(ChannelProduct product) => new()
    {
        ["Orderable"] = new JsonObject
        {
            ["sku"] = product.Sku,
            ["productIdentifiers"] = new JsonObject { ["productIdType"] = "GTIN", ["productId"] = product.Gtin },
            ["productName"] = product.Title,
            ["brand"] = product.Brand,
            ["price"] = product.Price,
            ["currency"] = product.Currency,
            ["lifecycleStatus"] = product.Status == CatalogStatuses.Active ? "ACTIVE" : "RETIRED",
        },
        ["Visible"] = new JsonObject
        {
            ["shortDescription"] = product.Description,
            ["attributes"] = new JsonObject(product.Attributes.Select(a => KeyValuePair.Create(a.Key, (JsonNode?)a.Value))),
        },
    };

    private static JsonObject Money(ChannelProduct product) =>
        new() { ["currency"] = product.Currency, ["amount"] = decimal.Parse(product.Price.ToString("0.00##", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture) };

    private HttpRequestMessage Request(HttpMethod method, string path, JsonObject? body)
    {
        var request = body is null ? new HttpRequestMessage(method, path) : BackOfficeHttp.Json(method, path, body, InventoryHttpJson.Default.JsonObject, null);
        request.Headers.Add("WM_QOS.CORRELATION_ID", Guid.NewGuid().ToString());
        request.Headers.Add("WM_SVC.NAME", "Walmart Marketplace");
        if (endpoints.Get(BackOfficeSystems.Walmart).AccessToken is { Length: > 0 } token)
        {
            request.Headers.Add("WM_SEC.ACCESS_TOKEN", token);
        }

        return request;
    }
}
