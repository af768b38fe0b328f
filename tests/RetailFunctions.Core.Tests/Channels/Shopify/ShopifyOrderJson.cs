using System.Text.Json.Nodes;

namespace RetailFunctions.Core.Tests.Channels.Shopify;

/// <summary>Builds small Shopify order bodies for edge cases the sample files do not cover.</summary>
internal static class ShopifyOrderJson
{
    public static JsonObject Minimal(int lineCount = 1)
    {
        var lines = new JsonArray();
        for (var index = 0; index < lineCount; index++)
        {
            lines.Add(new JsonObject
            {
                ["id"] = 14820736512318 + index,
                ["sku"] = $"SKU-{1500 + index}",
                ["quantity"] = 1,
                ["price"] = "19.99",
            });
        }

        return new JsonObject
        {
            ["id"] = 5917204381726,
            ["currency"] = "USD",
            ["created_at"] = "2025-03-14T10:15:42-04:00",
            ["line_items"] = lines,
        };
    }
}
