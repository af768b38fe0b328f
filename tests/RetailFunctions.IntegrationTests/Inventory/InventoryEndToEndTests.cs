using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using RetailFunctions.IntegrationTests.Fabric;
using RetailFunctions.IntegrationTests.Hosting;

namespace RetailFunctions.IntegrationTests.Inventory;

/// <summary>
/// Inventory through the local fabric host: signed adjustments, the queue that applies them, snapshot files, and the
/// fan-out that brings every channel simulator to the new available-to-sell.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class InventoryEndToEndTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private static readonly string[] Channels = ["shopify", "amazon", "walmart"];
    private FabricHost _host = null!;

    public async Task InitializeAsync() => _host = await FabricHost.StartAsync(azurite);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Post_signedAdjustment_showsInQueryAndReachesEveryChannel()
    {
        var sku = InventoryAdjustment.NewSku();
        var body = InventoryAdjustment.Body("erp", InventoryAdjustment.NewSequence(), InventoryAdjustment.Count(sku, "DC1", 37), InventoryAdjustment.Delta(sku, "DC2", 5));

        using var response = await _host.Client.SendAsync(InventoryAdjustment.Request(body));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var view = await Eventually.GetAsync(async () => await InventoryAsync(sku) is { } found && found.Value.GetProperty("onHand").GetInt64() == 42 ? found : null, Patience, "the adjusted position");
        Assert.Equal(0, view.Value.GetProperty("reserved").GetInt64());
        Assert.Equal(["DC1", "DC2"], view.Value.GetProperty("locations").EnumerateArray().Select(l => l.GetProperty("location").GetString()));
        foreach (var channel in Channels)
        {
            await Eventually.GetAsync(async () => await ChannelQuantityAsync(channel, sku) == 42, Patience, $"{channel} to show 42");
        }

        var pushed = await Eventually.GetAsync(
            async () => await InventoryAsync(sku) is { } found && found.Value.GetProperty("channels").EnumerateArray().All(c => c.GetProperty("lastPushed").ValueKind == JsonValueKind.Number) ? found : null,
            Patience,
            "lastPushed on every channel");
        Assert.All(pushed.Value.GetProperty("channels").EnumerateArray(), c =>
        {
            Assert.Equal(42, c.GetProperty("availableToSell").GetInt32());
            Assert.Equal(42, c.GetProperty("lastPushed").GetInt32());
        });
    }

    [Fact]
    public async Task Post_staleSequence_isIgnoredAndReported()
    {
        var sku = InventoryAdjustment.NewSku();
        var sequence = InventoryAdjustment.NewSequence();
        await AcceptedAsync(InventoryAdjustment.Body("wms", sequence, InventoryAdjustment.Count(sku, "DC1", 20)));
        await Eventually.GetAsync(async () => await OnHandAsync(sku) == 20, Patience, "the first count");

        using var stale = await _host.Client.SendAsync(InventoryAdjustment.Request(InventoryAdjustment.Body("wms", sequence - 1, InventoryAdjustment.Count(sku, "DC1", 50))));

        Assert.Equal(HttpStatusCode.Accepted, stale.StatusCode);
        var answer = await stale.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(0, answer.GetProperty("queued").GetInt32());
        var ignored = Assert.Single(answer.GetProperty("ignored").EnumerateArray());
        Assert.Equal((sku, "DC1", sequence), (ignored.GetProperty("sku").GetString(), ignored.GetProperty("location").GetString(), ignored.GetProperty("lastAppliedSequence").GetInt64()));
        await Task.Delay(TimeSpan.FromSeconds(2));
        Assert.Equal(20, await OnHandAsync(sku));
    }

    [Fact]
    public async Task Post_sequenceBelowTheSourcesWatermark_reportsOnlyTheItemsANewerSequenceReachedAndAppliesTheRest()
    {
        var (older, newer) = (InventoryAdjustment.NewSku(), InventoryAdjustment.NewSku());
        var sequence = InventoryAdjustment.NewSequence();
        await AcceptedAsync(InventoryAdjustment.Body("wms", sequence, InventoryAdjustment.Count(older, "DC1", 20)));
        await AcceptedAsync(InventoryAdjustment.Body("wms", sequence + 2, InventoryAdjustment.Count(newer, "DC1", 30)));
        await Eventually.GetAsync(async () => await OnHandAsync(older) == 20 && await OnHandAsync(newer) == 30, Patience, "both counts");

        using var late = await _host.Client.SendAsync(InventoryAdjustment.Request(InventoryAdjustment.Body(
            "wms", sequence + 1, InventoryAdjustment.Count(newer, "DC1", 50), InventoryAdjustment.Count(older, "DC1", 60))));

        Assert.Equal(HttpStatusCode.Accepted, late.StatusCode);
        var answer = await late.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(1, answer.GetProperty("queued").GetInt32());
        var ignored = Assert.Single(answer.GetProperty("ignored").EnumerateArray());
        Assert.Equal((newer, sequence + 2), (ignored.GetProperty("sku").GetString(), ignored.GetProperty("lastAppliedSequence").GetInt64()));
        await Eventually.GetAsync(async () => await OnHandAsync(older) == 60, Patience, "the late count where nothing newer was applied");
        Assert.Equal(30, await OnHandAsync(newer));
    }

    [Fact]
    public async Task Post_sameSequenceAgain_isDuplicateAndAppliedOnce()
    {
        var sku = InventoryAdjustment.NewSku();
        var body = InventoryAdjustment.Body("pos", InventoryAdjustment.NewSequence(), InventoryAdjustment.Count(sku, "STORE-001", 8), InventoryAdjustment.Delta(sku, "STORE-001", -1));
        await AcceptedAsync(body);

        using var again = await _host.Client.SendAsync(InventoryAdjustment.Request(body));

        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        await Eventually.GetAsync(async () => await OnHandAsync(sku) == 7, Patience, "the adjustment");
        await Task.Delay(TimeSpan.FromSeconds(2));
        Assert.Equal(7, await OnHandAsync(sku));
    }

    public static TheoryData<string, HttpStatusCode> Rejections => new()
    {
        { "wrong-secret", HttpStatusCode.Unauthorized },
        { "missing-signature", HttpStatusCode.Unauthorized },
        { "body-changed-after-signing", HttpStatusCode.Unauthorized },
        { "bad-item", HttpStatusCode.BadRequest },
        { "text-plain", HttpStatusCode.UnsupportedMediaType },
        { "too-large", HttpStatusCode.RequestEntityTooLarge },
    };

    [Theory]
    [MemberData(nameof(Rejections))]
    public async Task Post_rejected_returnsItsStatusAndLeavesNothing(string problem, HttpStatusCode expected)
    {
        var sku = InventoryAdjustment.NewSku();
        var sequence = InventoryAdjustment.NewSequence();
        var body = InventoryAdjustment.Body("erp", sequence, InventoryAdjustment.Count(sku, "DC1", 5));
        var request = problem switch
        {
            "wrong-secret" => InventoryAdjustment.Request(body, Core.Webhooks.RetailSignature.Create(body, "another-secret", DateTimeOffset.UtcNow)),
            "missing-signature" => InventoryAdjustment.Request(body, ""),
            "body-changed-after-signing" => InventoryAdjustment.Request(InventoryAdjustment.Body("erp", sequence, InventoryAdjustment.Count(sku, "DC1", 6)), Core.Webhooks.RetailSignature.Create(body, FabricHost.InventorySecret, DateTimeOffset.UtcNow)),
            "bad-item" => InventoryAdjustment.Request(InventoryAdjustment.Body("erp", sequence, $$"""{"sku":"{{sku}}","onHand":5}""")),
            "text-plain" => InventoryAdjustment.Request(body, contentType: "text/plain"),
            "too-large" => InventoryAdjustment.Request(Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(body) + new string(' ', 1024 * 1024))),
            _ => throw new ArgumentOutOfRangeException(nameof(problem)),
        };

        using var response = await _host.Client.SendAsync(request);

        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        if (problem == "bad-item")
        {
            Assert.Equal("items[0].location", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("field").GetString());
        }

        await Task.Delay(TimeSpan.FromSeconds(2));
        using var query = await _host.Client.GetAsync($"api/inventory/{sku}");
        Assert.Equal(HttpStatusCode.NotFound, query.StatusCode);
        var receipts = new TableClient(azurite.ConnectionString, "webhookreceipts");
        Assert.False((await receipts.GetEntityIfExistsAsync<TableEntity>("inventory-erp", sequence.ToString(System.Globalization.CultureInfo.InvariantCulture))).HasValue);
    }

    [Fact]
    public async Task Get_unknownSku_returns404()
    {
        using var response = await _host.Client.GetAsync($"api/inventory/{InventoryAdjustment.NewSku()}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Snapshot_drift_isCorrectedReportedAndPushed()
    {
        var sku = InventoryAdjustment.NewSku();
        var steady = InventoryAdjustment.NewSku();
        await AcceptedAsync(InventoryAdjustment.Body("erp", InventoryAdjustment.NewSequence(), InventoryAdjustment.Count(sku, "DC1", 30), InventoryAdjustment.Count(steady, "DC1", 12)));
        await Eventually.GetAsync(async () => await OnHandAsync(sku) == 30 && await OnHandAsync(steady) == 12, Patience, "the starting counts");
        var file = $"count-{Guid.NewGuid():N}.csv";

        await new BlobClient(azurite.ConnectionString, "inventory-snapshots", $"wms/{file}")
            .UploadAsync(BinaryData.FromString($"sku,location,onHand,inTransit\n{sku},DC1,26,4\n{steady},DC1,12\n"));

        await Eventually.GetAsync(async () => await OnHandAsync(sku) == 26, Patience, "the corrected count");
        var report = await Eventually.GetAsync(() => ReportAsync($"wms/{file}.json"), Patience, "the snapshot report");
        Assert.Equal("applied", report.Value.GetProperty("status").GetString());
        var correction = Assert.Single(report.Value.GetProperty("corrections").EnumerateArray());
        Assert.Equal((sku, 30L, 26L, 4L), (correction.GetProperty("sku").GetString(), correction.GetProperty("onHandBefore").GetInt64(), correction.GetProperty("onHandAfter").GetInt64(), correction.GetProperty("inTransitAfter").GetInt64()));
        await Eventually.GetAsync(async () => await ChannelQuantityAsync("shopify", sku) == 26, Patience, "shopify to show the corrected value");
    }

    [Fact]
    public async Task Snapshot_malformedLine_appliesNothingAndReportsTheLine()
    {
        var sku = InventoryAdjustment.NewSku();
        await AcceptedAsync(InventoryAdjustment.Body("erp", InventoryAdjustment.NewSequence(), InventoryAdjustment.Count(sku, "DC1", 30)));
        await Eventually.GetAsync(async () => await OnHandAsync(sku) == 30, Patience, "the starting count");
        var file = $"count-{Guid.NewGuid():N}.csv";

        await new BlobClient(azurite.ConnectionString, "inventory-snapshots", $"wms/{file}")
            .UploadAsync(BinaryData.FromString($"{sku},DC1,10\n{sku}-B,DC1,ten\n"));

        var report = await Eventually.GetAsync(() => ReportAsync($"wms/{file}.json"), Patience, "the snapshot report");
        Assert.Equal("rejected", report.Value.GetProperty("status").GetString());
        Assert.StartsWith("line 2:", report.Value.GetProperty("error").GetString());
        Assert.Equal(30, await OnHandAsync(sku));
    }

    [Fact]
    public async Task FanOut_channelFailingForAWhile_convergesAfterwardsWithoutDelayingOthers()
    {
        var sku = InventoryAdjustment.NewSku();
        using var fault = await _host.Simulators.Client.PostAsJsonAsync("_sim/faults/walmart", new { status = 503, durationSeconds = 4 });
        fault.EnsureSuccessStatusCode();

        await AcceptedAsync(InventoryAdjustment.Body("erp", InventoryAdjustment.NewSequence(), InventoryAdjustment.Count(sku, "DC1", 11)));

        await Eventually.GetAsync(async () => await ChannelQuantityAsync("shopify", sku) == 11, TimeSpan.FromSeconds(4), "shopify while walmart is down");
        await Eventually.GetAsync(async () => await ChannelQuantityAsync("walmart", sku) == 11, Patience, "walmart after it recovered");
    }

    private async Task AcceptedAsync(byte[] body)
    {
        using var response = await _host.Client.SendAsync(InventoryAdjustment.Request(body));
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }

    private async Task<Holder?> InventoryAsync(string sku)
    {
        using var response = await _host.Client.GetAsync($"api/inventory/{sku}");
        return response.StatusCode == HttpStatusCode.OK ? new Holder(await response.Content.ReadFromJsonAsync<JsonElement>()) : null;
    }

    private async Task<long?> OnHandAsync(string sku) => (await InventoryAsync(sku))?.Value.GetProperty("onHand").GetInt64();

    private async Task<int?> ChannelQuantityAsync(string channel, string sku)
    {
        var values = await _host.Simulators.Client.GetFromJsonAsync<JsonElement>($"_sim/{channel}/inventory");
        return values.EnumerateArray().Where(v => v.GetProperty("sku").GetString() == sku).Select(v => (int?)v.GetProperty("quantity").GetInt32()).FirstOrDefault();
    }

    private async Task<Holder?> ReportAsync(string path)
    {
        var blob = new BlobClient(azurite.ConnectionString, "inventory-snapshots-reports", path);
        return await blob.ExistsAsync() ? new Holder(JsonDocument.Parse((await blob.DownloadContentAsync()).Value.Content.ToString()).RootElement.Clone()) : null;
    }

    private sealed record Holder(JsonElement Value);
}
