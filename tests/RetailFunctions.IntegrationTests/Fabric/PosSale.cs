using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace RetailFunctions.IntegrationTests.Fabric;

/// <summary>Builds POS counter sales (<c>X-Retail-Signature</c>), from the store-sale sample with a fresh transaction.</summary>
internal static class PosSale
{
    private static readonly string SampleDirectory = Path.Combine(AppContext.BaseDirectory, "Samples", "Pos");

    /// <returns>The fabric's order id for the sale (<c>{storeId}-{transactionId}</c>) and the body.</returns>
    public static (string OrderId, byte[] Body) NewSale(string sample = "store-sale.json")
    {
        var sale = JsonNode.Parse(File.ReadAllText(Path.Combine(SampleDirectory, sample)))!.AsObject();
        var transactionId = string.Create(CultureInfo.InvariantCulture, $"R02-{Random.Shared.Next(100_000_000, 999_999_999)}");
        sale["transactionId"] = transactionId;
        sale["occurredAt"] = DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture);
        return ($"{(string)sale["storeId"]!}-{transactionId}", Encoding.UTF8.GetBytes(sale.ToJsonString()));
    }

    /// <param name="secret">The secret to sign with; the fabric's by default.</param>
    public static HttpRequestMessage Request(byte[] body, string secret = FabricHost.PosSecret) =>
        SignedCallback.Request("api/webhooks/pos", body, secret);
}
