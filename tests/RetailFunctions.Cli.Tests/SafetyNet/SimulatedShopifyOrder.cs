using System.Globalization;
using System.Text.Json.Nodes;

namespace RetailFunctions.Cli.Tests.SafetyNet;

/// <summary>A one-line Admin REST order for the simulated Shopify to create and announce to the fabric with its signed webhook.</summary>
internal static class SimulatedShopifyOrder
{
    public static string NewId() => Random.Shared.NextInt64(1_000_000_000_000, 9_999_999_999_999).ToString(CultureInfo.InvariantCulture);

    public static JsonObject Create(string orderId) => new()
    {
        ["id"] = long.Parse(orderId, CultureInfo.InvariantCulture),
        ["admin_graphql_api_id"] = $"gid://shopify/Order/{orderId}",
        ["order_number"] = 1001,
        ["currency"] = "USD",
        ["created_at"] = DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture),
        ["financial_status"] = "paid",
        ["line_items"] = new JsonArray(new JsonObject { ["id"] = 1, ["sku"] = "SKU-1500", ["quantity"] = 1, ["price"] = "19.99", ["title"] = "Trail mug" }),
        ["total_price"] = "19.99",
        ["subtotal_price"] = "19.99",
        ["total_tax"] = "0.00",
    };
}
