using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using RetailFunctions.Core.Inventory;
using RetailFunctions.Infrastructure.BackOffice;

namespace RetailFunctions.Infrastructure.Inventory;

/// <summary>
/// Walmart Marketplace v3 inventory: a single value as <c>PUT inventory?sku=</c>, a batch as the bulk inventory feed
/// (10 per hour on the real API, which is what bounds Walmart's catch-up after a burst).
/// </summary>
public sealed class WalmartInventoryApi(HttpClient http, IOptionsMonitor<BackOfficeEndpointOptions> endpoints) : IChannelInventoryApi
{
    public string Channel => InventoryChannels.Walmart;

    public async Task PushOneAsync(ChannelQuantity quantity, CancellationToken cancellationToken)
    {
        using var request = Request(HttpMethod.Put, $"v3/inventory?sku={Uri.EscapeDataString(quantity.Sku)}", Item(quantity));
        await BackOfficeHttp.SendAndForgetAsync(http, request, Channel, "updateInventory", cancellationToken);
    }

    public async Task PushAsync(IReadOnlyList<ChannelQuantity> quantities, CancellationToken cancellationToken)
    {
        var feed = new JsonObject
        {
            ["InventoryHeader"] = new JsonObject { ["version"] = "1.4" },
            ["Inventory"] = new JsonArray(quantities.Select(q => (JsonNode?)Item(q)).ToArray()),
        };
        using var bulk = Request(HttpMethod.Post, "v3/feeds?feedType=inventory", feed);
        await BackOfficeHttp.SendAndForgetAsync(http, bulk, Channel, "bulkInventoryFeed", cancellationToken);
    }

    private static JsonObject Item(ChannelQuantity quantity) =>
        new() { ["sku"] = quantity.Sku, ["quantity"] = new JsonObject { ["unit"] = "EACH", ["amount"] = quantity.Quantity } };

    private HttpRequestMessage Request(HttpMethod method, string path, JsonObject body)
    {
        var request = BackOfficeHttp.Json(method, path, body, InventoryHttpJson.Default.JsonObject, null);
        // Walmart traces every call by correlation id.
        request.Headers.Add("WM_QOS.CORRELATION_ID", Guid.NewGuid().ToString());
        request.Headers.Add("WM_SVC.NAME", "Walmart Marketplace");
        if (endpoints.Get(BackOfficeSystems.Walmart).AccessToken is { Length: > 0 } token)
        {
            request.Headers.Add("WM_SEC.ACCESS_TOKEN", token);
        }

        return request;
    }
}
