using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using RetailFunctions.Core.Inventory;
using RetailFunctions.Infrastructure.BackOffice;

namespace RetailFunctions.Infrastructure.Inventory;

/// <summary>
/// Shopify Admin GraphQL <c>inventorySetQuantities</c>: absolute "available" quantities, up to 250 per call, at the
/// channel's configured location. The SKU is the inventory item id (the sample catalogue maps SKUs one to one).
/// </summary>
public sealed class ShopifyInventoryApi(HttpClient http, IOptionsMonitor<BackOfficeEndpointOptions> endpoints, IOptionsMonitor<InventoryOptions> inventory) : IChannelInventoryApi
{
    public const int MaxQuantitiesPerCall = 250;

    private const string Mutation = "inventorySetQuantities";

    private const string Query = """
        mutation inventorySetQuantities($input: InventorySetQuantitiesInput!) {
          inventorySetQuantities(input: $input) { inventoryAdjustmentGroup { id } userErrors { field message code } }
        }
        """;

    public string Channel => InventoryChannels.Shopify;

    /// <summary>Shopify has no cheaper single-value call: one value is a batch of one.</summary>
    public Task PushOneAsync(ChannelQuantity quantity, CancellationToken cancellationToken) => PushAsync([quantity], cancellationToken);

    public async Task PushAsync(IReadOnlyList<ChannelQuantity> quantities, CancellationToken cancellationToken)
    {
        if (quantities.Count > MaxQuantitiesPerCall)
        {
            throw new ArgumentOutOfRangeException(nameof(quantities), quantities.Count, $"Shopify takes at most {MaxQuantitiesPerCall} quantities per call.");
        }

        var settings = endpoints.Get(BackOfficeSystems.Shopify);
        var locationId = inventory.CurrentValue.RulesFor(Channel).ChannelLocationId ?? "gid://shopify/Location/1";
        var input = new JsonObject
        {
            ["name"] = "available",
            ["reason"] = "correction",
            // The fabric's value is the truth; comparing with Shopify's would refuse every value changed by a sale there.
            ["ignoreCompareQuantity"] = true,
            ["quantities"] = new JsonArray(quantities
                .Select(q => (JsonNode?)new JsonObject { ["inventoryItemId"] = q.Sku, ["locationId"] = locationId, ["quantity"] = q.Quantity })
                .ToArray()),
        };
        using var request = BackOfficeHttp.Json(
            HttpMethod.Post,
            $"admin/api/{settings.ApiVersion}/graphql.json",
            new JsonObject { ["query"] = Query, ["variables"] = new JsonObject { ["input"] = input } },
            InventoryHttpJson.Default.JsonObject,
            null);
        if (settings.AccessToken is { Length: > 0 } token)
        {
            request.Headers.Add("X-Shopify-Access-Token", token);
        }

        using var response = await BackOfficeHttp.SendAsync(http, request, Channel, Mutation, cancellationToken);
        var body = await BackOfficeHttp.ReadAsync(response, InventoryHttpJson.Default.JsonObject, Channel, Mutation, cancellationToken);
        ShopifyGraphql.ThrowOnErrors(body, Channel, Mutation);
    }
}
