using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using RetailFunctions.Core.Catalog;
using RetailFunctions.Infrastructure.BackOffice;
using RetailFunctions.Infrastructure.Inventory;

namespace RetailFunctions.Infrastructure.Catalog;

/// <summary>
/// The store POS price list: <c>PUT price-lists/{store}</c> with up to 500 lines per store (each store gets its own
/// price, so a store-scoped promotion reaches only its stores); rejected lines come back by SKU. A SKU is published
/// when every store took it. Reads back with <c>GET price-lists/{store}?skus=</c>.
/// </summary>
public sealed class PosCatalogApi(HttpClient http, IOptionsMonitor<CatalogOptions> catalog) : ICatalogChannelApi
{
    /// <summary>The named endpoint options, under <c>Channels:Pos</c>; without a URL the POS catalog channel is off.</summary>
    public const string EndpointName = "pos";

    public string Channel => CatalogChannels.Pos;

    public async Task<IReadOnlyList<ListingResult>> PublishAsync(IReadOnlyList<ChannelProduct> products, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var store in Stores())
        {
            var body = new JsonObject
            {
                ["items"] = new JsonArray(products.Select(p => (JsonNode?)new JsonObject
                {
                    ["sku"] = p.Sku,
                    ["title"] = p.Title,
                    ["gtin"] = p.Gtin,
                    ["price"] = p.StorePrices.TryGetValue(store, out var price) ? price : p.Price,
                    ["currency"] = p.Currency,
                    ["taxClass"] = p.TaxClass,
                    ["status"] = p.Status,
                    ["version"] = p.Version,
                }).ToArray()),
            };
            using var request = BackOfficeHttp.Json(HttpMethod.Put, $"price-lists/{Uri.EscapeDataString(store)}", body, InventoryHttpJson.Default.JsonObject, null);
            using var response = await BackOfficeHttp.SendAsync(http, request, Channel, "upsertPriceList", cancellationToken);
            var answer = await BackOfficeHttp.ReadAsync(response, InventoryHttpJson.Default.JsonObject, Channel, "upsertPriceList", cancellationToken);
            foreach (var rejected in answer["rejected"] as JsonArray ?? [])
            {
                if (rejected?["sku"]?.GetValue<string>() is { } sku)
                {
                    (errors.TryGetValue(sku, out var list) ? list : errors[sku] = []).Add($"{store}: {rejected["reason"]?.GetValue<string>()}");
                }
            }
        }

        return products.Select(p => new ListingResult(p.Sku, errors.TryGetValue(p.Sku, out var list) ? string.Join("; ", list) : null)).ToArray();
    }

    public async Task<IReadOnlyDictionary<string, ChannelHolding>> ReadAsync(IReadOnlyList<string> skus, CancellationToken cancellationToken)
    {
        var prices = new Dictionary<string, Dictionary<string, decimal>>(StringComparer.Ordinal);
        foreach (var store in Stores())
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, $"price-lists/{Uri.EscapeDataString(store)}?skus={Uri.EscapeDataString(string.Join(',', skus))}");
            using var response = await BackOfficeHttp.SendAsync(http, request, Channel, "getPriceList", cancellationToken);
            var body = await BackOfficeHttp.ReadAsync(response, InventoryHttpJson.Default.JsonObject, Channel, "getPriceList", cancellationToken);
            foreach (var item in body["items"] as JsonArray ?? [])
            {
                if (item?["sku"]?.GetValue<string>() is { } sku && item["price"] is JsonValue value && value.TryGetValue<decimal>(out var price))
                {
                    (prices.TryGetValue(sku, out var byStore) ? byStore : prices[sku] = new(StringComparer.Ordinal))[store] = price;
                }
            }
        }

        var stores = Stores();
        return prices
            .Where(p => p.Value.Count == stores.Count)
            .ToDictionary(p => p.Key, p => new ChannelHolding(p.Key, null, p.Value), StringComparer.Ordinal);
    }

    private List<string> Stores() => catalog.CurrentValue.RulesFor(Channel).Stores;
}
