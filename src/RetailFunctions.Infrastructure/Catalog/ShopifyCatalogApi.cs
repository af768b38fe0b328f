using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using RetailFunctions.Core.Catalog;
using RetailFunctions.Infrastructure.BackOffice;
using RetailFunctions.Infrastructure.Inventory;

namespace RetailFunctions.Infrastructure.Catalog;

/// <summary>
/// Shopify Admin GraphQL <c>productSet</c> (synchronous): one product with its single variant (SKU, barcode, price)
/// per call, four calls at a time, upserted by handle. <c>userErrors</c> are the listing errors. Reads back through <c>productVariants</c>.
/// </summary>
public sealed class ShopifyCatalogApi(HttpClient http, IOptionsMonitor<BackOfficeEndpointOptions> endpoints) : ICatalogChannelApi
{
    private const int Parallelism = 4;

    private const string ProductSet = """
        mutation productSet($input: ProductSetInput!, $synchronous: Boolean!) {
          productSet(synchronous: $synchronous, input: $input) { product { id } userErrors { field message code } }
        }
        """;

    private const string VariantsQuery = """
        query productVariants($first: Int!, $query: String!) { productVariants(first: $first, query: $query) { nodes { sku price } } }
        """;

    public string Channel => CatalogChannels.Shopify;

    /// <remarks>
    /// Products go a few at a time: <c>productSet</c> takes one each. If the shop throttles, the whole batch is tried
    /// again later; <c>productSet</c> upserts by handle, so sending a product twice changes nothing.
    /// </remarks>
    public async Task<IReadOnlyList<ListingResult>> PublishAsync(IReadOnlyList<ChannelProduct> products, CancellationToken cancellationToken)
    {
        var results = new ListingResult[products.Count];
        await Parallel.ForEachAsync(
            Enumerable.Range(0, products.Count),
            new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellationToken },
            async (index, token) =>
            {
                var product = products[index];
                var body = await SendAsync(ProductSet, new JsonObject { ["synchronous"] = true, ["input"] = Input(product) }, "productSet", token);
                var errors = body["data"]?["productSet"]?["userErrors"] as JsonArray;
                results[index] = new ListingResult(product.Sku, errors is { Count: > 0 } ? string.Join("; ", errors.Select(e => e?["message"]?.GetValue<string>())) : null);
            });
        return results;
    }

    public async Task<IReadOnlyDictionary<string, ChannelHolding>> ReadAsync(IReadOnlyList<string> skus, CancellationToken cancellationToken)
    {
        var query = string.Join(" OR ", skus.Select(s => $"sku:{s}"));
        var body = await SendAsync(VariantsQuery, new JsonObject { ["first"] = skus.Count, ["query"] = query }, "productVariants", cancellationToken);
        return (body["data"]?["productVariants"]?["nodes"] as JsonArray ?? [])
            .Select(n => (Sku: n?["sku"]?.GetValue<string>(), Price: decimal.TryParse(n?["price"]?.GetValue<string>(), NumberStyles.Number, CultureInfo.InvariantCulture, out var p) ? p : (decimal?)null))
            .Where(n => n.Sku is not null)
            .ToDictionary(n => n.Sku!, n => new ChannelHolding(n.Sku!, n.Price, new Dictionary<string, decimal>()), StringComparer.Ordinal);
    }

    private static JsonObject Input(ChannelProduct product) => new()
    {
        ["handle"] = product.Sku.ToLowerInvariant(),
        ["title"] = product.Title ?? product.Sku,
        ["descriptionHtml"] = product.Description,
        ["vendor"] = product.Brand,
        ["status"] = product.Status == CatalogStatuses.Active ? "ACTIVE" : "ARCHIVED",
        ["productOptions"] = new JsonArray(new JsonObject { ["name"] = "Title", ["values"] = new JsonArray(new JsonObject { ["name"] = "Default Title" }) }),
        ["variants"] = new JsonArray(new JsonObject
        {
            ["optionValues"] = new JsonArray(new JsonObject { ["optionName"] = "Title", ["name"] = "Default Title" }),
            ["sku"] = product.Sku,
            ["barcode"] = product.Gtin,
            // Shopify's Money scalar is a decimal string in the shop's currency.
            ["price"] = product.Price.ToString("0.00##", CultureInfo.InvariantCulture),
        }),
    };

    private async Task<JsonObject> SendAsync(string query, JsonObject variables, string operation, CancellationToken cancellationToken)
    {
        var settings = endpoints.Get(BackOfficeSystems.Shopify);
        using var request = BackOfficeHttp.Json(
            HttpMethod.Post,
            $"admin/api/{settings.ApiVersion}/graphql.json",
            new JsonObject { ["query"] = query, ["variables"] = variables },
            InventoryHttpJson.Default.JsonObject,
            null);
        if (settings.AccessToken is { Length: > 0 } token)
        {
            request.Headers.Add("X-Shopify-Access-Token", token);
        }

        using var response = await BackOfficeHttp.SendAsync(http, request, Channel, operation, cancellationToken);
        var body = await BackOfficeHttp.ReadAsync(response, InventoryHttpJson.Default.JsonObject, Channel, operation, cancellationToken);
        // userErrors are per product and become listing errors; request errors (throttling, a bad query) fail the call.
        if (body["errors"] is JsonArray { Count: > 0 })
        {
            ShopifyGraphql.ThrowOnErrors(body, Channel, operation);
        }

        return body;
    }
}
