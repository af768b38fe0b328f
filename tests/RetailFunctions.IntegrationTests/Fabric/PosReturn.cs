using System.Globalization;
using System.Text.Json.Nodes;

namespace RetailFunctions.IntegrationTests.Fabric;

/// <summary>Builds signed POS store returns at <c>STORE-001</c> against an order of any channel.</summary>
internal static class PosReturn
{
    public static HttpRequestMessage Request(string transactionId, string channel, string orderId, params (string Sku, int Quantity)[] lines) =>
        SignedCallback.Request(
            "api/webhooks/pos",
            new JsonObject
            {
                ["type"] = "return",
                ["storeId"] = "STORE-001",
                ["register"] = "R01",
                ["transactionId"] = transactionId,
                ["occurredAt"] = DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture),
                ["currency"] = "USD",
                ["lines"] = new JsonArray(lines.Select(l => (JsonNode?)new JsonObject { ["sku"] = l.Sku, ["quantity"] = l.Quantity, ["condition"] = "resellable" }).ToArray()),
                ["originalOrderRef"] = new JsonObject { ["channel"] = channel, ["channelOrderId"] = orderId },
            },
            FabricHost.PosSecret);
}
