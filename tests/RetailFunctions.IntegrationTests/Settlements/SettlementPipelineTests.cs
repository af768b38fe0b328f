using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using RetailFunctions.Core.Orders;
using RetailFunctions.IntegrationTests.Fabric;
using RetailFunctions.IntegrationTests.Hosting;

namespace RetailFunctions.IntegrationTests.Settlements;

/// <summary>
/// Settlement files end to end: uploaded to Azurite, picked up by the local host's blob trigger, reconciled against
/// the order ledger, journaled to the ERP simulator once, reported; malformed files quarantined.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class SettlementPipelineTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private const string ShopifyHeader = "Transaction Date,Type,Order,Card Brand,Card Source,Payout Status,Payout Date,Payout ID,Available On,Amount,Fee,Net,Checkout,Payment Method Name,Presentment Amount,Presentment Currency,Currency";
    private FabricHost _host = null!;
    private SettlementFabric _fabric = null!;

    public async Task InitializeAsync()
    {
        _host = await FabricHost.StartAsync(azurite);
        _fabric = new SettlementFabric(azurite, _host);
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Upload_shopifyPayout_reconciledAgainstWebhookOrdersJournaledOnceAndReported()
    {
        var payoutId = Unique();
        var (matched, overcharged, unknown) = ($"#M{payoutId}", $"#F{payoutId}", $"#U{payoutId}");
        await SeedShopifyOrderAsync(matched);
        await SeedShopifyOrderAsync(overcharged);
        // The sample order totals 128.30 USD; Shopify's 2.9 % + 0.30 makes 4.02. The second was charged 5.00.
        var file = Payout(payoutId,
            ("charge", matched, 128.30m, 4.02m),
            ("charge", overcharged, 128.30m, 5.00m),
            ("refund", unknown, -30.00m, 0m));

        await _fabric.UploadAsync("shopify", $"payout-{payoutId}.csv", file);

        using var report = await _fabric.WaitForReportAsync("shopify", payoutId);
        var root = report.RootElement;
        var summary = root.GetProperty("summary");
        Assert.Equal(217.58m, summary.GetProperty("totalAmount").GetDecimal());
        Assert.Equal(5, summary.GetProperty("lineCount").GetInt64());
        Assert.True(summary.GetProperty("balanced").GetBoolean());
        Assert.Equal(256.60m, root.GetProperty("totalsByKind").GetProperty("principal").GetDecimal());
        Assert.Equal(-9.02m, root.GetProperty("totalsByKind").GetProperty("fee").GetDecimal());
        Assert.Equal(-30.00m, root.GetProperty("totalsByKind").GetProperty("refund").GetDecimal());
        var counts = summary.GetProperty("orders");
        Assert.Equal((1, 1, 1), (counts.GetProperty("matched").GetInt32(), counts.GetProperty("variance").GetInt32(), counts.GetProperty("orderUnknown").GetInt32()));
        var exceptions = root.GetProperty("exceptions").EnumerateArray()
            .Select(e => (e.GetProperty("reason").GetString(), e.GetProperty("orderRef").GetString(), e.GetProperty("amount").GetDecimal()))
            .OrderBy(e => e.Item1)
            .ToList();
        Assert.Equal([("FeeDifference", overcharged, -0.98m), ("OrderUnknown", unknown, -30.00m)], exceptions);

        var journal = Assert.Single(await _fabric.JournalsAsync($"settlement-shopify-{payoutId}"));
        Assert.Equal(summary.GetProperty("journalId").GetString(), journal.GetProperty("journalId").GetString());
        var lines = journal.GetProperty("journal").GetProperty("lines").EnumerateArray()
            .ToDictionary(l => l.GetProperty("account").GetString()!, l => l.GetProperty("credit").GetDecimal() - l.GetProperty("debit").GetDecimal());
        Assert.Equal(-217.58m, lines["1020"]);
        Assert.Equal(256.60m, lines["1210"]);
        Assert.Equal(-8.04m, lines["6110"]);
        Assert.Equal(-30.98m, lines["6990"]);

        using var response = await _host.Client.GetAsync($"api/settlements/shopify/{payoutId}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var overview = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(payoutId, overview.GetProperty("settlementId").GetString());
        Assert.Equal(2, overview.GetProperty("exceptionCount").GetInt32());
        var reconciled = await _fabric.WaitForReconciledEventSentAsync("shopify", payoutId);
        Assert.Equal($"settlement-shopify-{payoutId}", reconciled.GetString("AggregateId"));

        var again = await _fabric.UploadAsync("shopify", $"payout-{payoutId}-again.csv", file);
        await _fabric.WaitUntilHandledAsync(again);
        Assert.Single(await _fabric.JournalsAsync($"settlement-shopify-{payoutId}"));
    }

    [Fact]
    public async Task Upload_amazonSettlement_matchesLedgerOrdersAndReportsTheUnknownRefund()
    {
        var settlementId = Unique();
        var (first, second, refunded) = ($"113-{settlementId[..7]}-0000001", $"114-{settlementId[..7]}-0000002", $"112-{settlementId[..7]}-0000003");
        await _fabric.SeedAsync(AmazonOrder(first, subtotal: 39.98m, discounts: 5.99m, tax: 3.20m, shipping: 5.99m));
        await _fabric.SeedAsync(AmazonOrder(second, subtotal: 24.99m, discounts: 2.50m, tax: 2.00m, shipping: 0m));
        var file = (await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "Samples", "Settlements", "amazon", "settlement-us.txt")))
            .Replace("11223344556", settlementId, StringComparison.Ordinal)
            .Replace("113-1234567-1234567", first, StringComparison.Ordinal)
            .Replace("114-7654321-7654321", second, StringComparison.Ordinal)
            .Replace("112-1111111-2222222", refunded, StringComparison.Ordinal);

        await _fabric.UploadAsync("amazon", $"{settlementId}.txt", file);

        using var report = await _fabric.WaitForReportAsync("amazon", settlementId);
        var root = report.RootElement;
        Assert.Equal(14.07m, root.GetProperty("summary").GetProperty("totalAmount").GetDecimal());
        Assert.Equal(2, root.GetProperty("summary").GetProperty("orders").GetProperty("matched").GetInt32());
        var exceptions = root.GetProperty("exceptions").EnumerateArray()
            .Select(e => (e.GetProperty("reason").GetString(), e.GetProperty("amount").GetDecimal()))
            .OrderBy(e => e.Item1)
            .ToList();
        Assert.Equal([("OrderUnknown", -21.59m), ("UnmappedAmountType", 1.23m)], exceptions);
        var journal = Assert.Single(await _fabric.JournalsAsync($"settlement-amazon-{settlementId}"));
        var journalLines = journal.GetProperty("journal").GetProperty("lines").EnumerateArray().ToList();
        Assert.Equal(journalLines.Sum(l => l.GetProperty("debit").GetDecimal()), journalLines.Sum(l => l.GetProperty("credit").GetDecimal()));
    }

    [Fact]
    public async Task Upload_malformedFile_quarantinedWithTheLineAndNothingElse()
    {
        var payoutId = Unique();
        var file = Payout(payoutId, ("charge", $"#Q{payoutId}", 10.00m, 0.59m))
            .Replace(",10.00,0.59,9.41,", ",ten,0.59,9.41,", StringComparison.Ordinal);

        await _fabric.UploadAsync("shopify", $"broken-{payoutId}.csv", file);

        using var reason = await _fabric.WaitForQuarantineReasonAsync("shopify", $"broken-{payoutId}.csv");
        Assert.Equal(2, reason.RootElement.GetProperty("lineNumber").GetInt32());
        Assert.Contains("line 2", reason.RootElement.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.True(await _fabric.ExistsAsync("settlements-quarantine", $"shopify/broken-{payoutId}.csv"));
        Assert.Null(await _fabric.ReadReportAsync("shopify", payoutId));
        Assert.Empty(await _fabric.JournalsAsync($"settlement-shopify-{payoutId}"));
        using var response = await _host.Client.GetAsync($"api/settlements/shopify/{payoutId}");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private static string Unique() => Random.Shared.NextInt64(1_000_000_000, 9_999_999_999).ToString(CultureInfo.InvariantCulture);

    private static string Payout(string payoutId, params (string Type, string Order, decimal Amount, decimal Fee)[] rows)
    {
        var csv = new StringBuilder(ShopifyHeader).Append('\n');
        foreach (var (type, order, amount, fee) in rows)
        {
            csv.Append(CultureInfo.InvariantCulture, $"2024-03-04 10:15:22 -0500,{type},{order},visa,online,paid,2024-03-06,{payoutId},2024-03-06,{amount:0.00},{fee:0.00},{amount - fee:0.00},,card,{amount:0.00},USD,USD\n");
        }

        var payout = rows.Sum(r => r.Amount - r.Fee);
        return csv.Append(CultureInfo.InvariantCulture, $"2024-03-06 06:00:00 -0500,payout,,,,paid,2024-03-06,{payoutId},2024-03-06,{-payout:0.00},0.00,{-payout:0.00},,,,,USD\n").ToString();
    }

    /// <summary>Takes the order in through the signed webhook and ingestion, under the given order name.</summary>
    private async Task SeedShopifyOrderAsync(string name)
    {
        var (orderId, body) = ShopifyWebhook.NewOrder();
        var order = JsonNode.Parse(body)!.AsObject();
        order["name"] = name;
        var renamed = Encoding.UTF8.GetBytes(order.ToJsonString());
        using var accepted = await _host.Client.SendAsync(ShopifyWebhook.Request(renamed, Guid.NewGuid().ToString()));
        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        await Eventually.GetAsync(
            async () => (await _host.Client.GetAsync($"api/orders/shopify/{orderId}")).IsSuccessStatusCode,
            TimeSpan.FromSeconds(30),
            $"Shopify order {name} in the ledger");
    }

    private static CanonicalOrder AmazonOrder(string id, decimal subtotal, decimal discounts, decimal tax, decimal shipping) => new(
        "amazon",
        id,
        null,
        "USD",
        [new OrderLine("1", "SKU-1001", 1, subtotal, discounts, tax, null)],
        new ShippingCharge(shipping, 0m, 0m, null),
        new OrderTotals(subtotal, discounts, tax, shipping, subtotal - discounts + tax + shipping),
        null,
        null,
        new DateTimeOffset(2024, 3, 3, 18, 0, 0, TimeSpan.Zero),
        null,
        "Paid",
        null);
}
