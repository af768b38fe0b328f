using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using RetailFunctions.IntegrationTests.Fabric;
using RetailFunctions.IntegrationTests.Hosting;

namespace RetailFunctions.IntegrationTests.Webhooks;

/// <summary>The Shopify webhook gate end to end: HTTP on the local fabric host, storage on Azurite, ingestion by queue.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class ShopifyWebhookGateTests(AzuriteFixture azurite) : IAsyncLifetime
{
    /// <summary>Ingestion hands the order to its workflow at once, so by the time it is read it may have moved on.</summary>
    private static readonly string[] InProgressOrDone = ["Received", "Reserved", "PostedToErp", "AwaitingShipment", "PartiallyShipped", "Shipped", "Completed"];

    private readonly FabricStorage _storage = new(azurite);
    private FabricHost _host = null!;

    public async Task InitializeAsync() => _host = await FabricHost.StartAsync(azurite);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Post_signed_orders_create_is_accepted_archived_and_ingested_into_the_ledger()
    {
        var (orderId, body) = ShopifyWebhook.NewOrder();
        var eventId = Guid.NewGuid().ToString();

        using var response = await _host.Client.SendAsync(ShopifyWebhook.Request(body, eventId));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var order = await Eventually.GetAsync(
            async () => await GetOrderAsync(orderId) is { } found ? new Holder(found) : null,
            TimeSpan.FromSeconds(15),
            "the order in the ledger");
        Assert.Contains(order.Value.GetProperty("status").GetString(), InProgressOrDone);
        Assert.Equal("shopify", order.Value.GetProperty("channel").GetString());
        Assert.Equal(orderId, order.Value.GetProperty("channelOrderId").GetString());
        Assert.NotEmpty(order.Value.GetProperty("lines").EnumerateArray());
        var blob = Assert.Single(await _storage.RawWebhookBlobsAsync("shopify", eventId));
        Assert.Matches($@"^shopify/\d{{4}}/\d{{2}}/\d{{2}}/{eventId}\.json$", blob);
    }

    [Fact]
    public async Task Get_order_unknown_returns_404()
    {
        using var response = await _host.Client.GetAsync("api/orders/shopify/does-not-exist");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    public static TheoryData<string, HttpStatusCode> Rejections => new()
    {
        { "wrong-secret", HttpStatusCode.Unauthorized },
        { "missing-signature", HttpStatusCode.Unauthorized },
        { "body-byte-flipped", HttpStatusCode.Unauthorized },
        { "not-json", HttpStatusCode.BadRequest },
        { "text-plain", HttpStatusCode.UnsupportedMediaType },
        { "too-large", HttpStatusCode.RequestEntityTooLarge },
    };

    [Theory]
    [MemberData(nameof(Rejections))]
    public async Task Post_rejected_delivery_returns_its_status_and_leaves_no_trace(string problem, HttpStatusCode expected)
    {
        var (orderId, body) = ShopifyWebhook.NewOrder();
        var eventId = Guid.NewGuid().ToString();
        var request = problem switch
        {
            "wrong-secret" => ShopifyWebhook.Request(body, eventId, signature: ShopifyWebhook.Sign(body, "some-other-secret")),
            "missing-signature" => ShopifyWebhook.Request(body, eventId, signature: ""),
            "body-byte-flipped" => ShopifyWebhook.Request(Flip(body), eventId, signature: ShopifyWebhook.Sign(body)),
            "not-json" => ShopifyWebhook.Request(Encoding.UTF8.GetBytes($"{{\"id\": {orderId}, "), eventId),
            "text-plain" => ShopifyWebhook.Request(body, eventId, contentType: "text/plain"),
            "too-large" => ShopifyWebhook.Request(Pad(body, 1024 * 1024 + 1), eventId),
            _ => throw new ArgumentOutOfRangeException(nameof(problem)),
        };

        using var response = await _host.Client.SendAsync(request);

        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        // Give a wrongly enqueued message time to be ingested before proving that nothing happened.
        await Task.Delay(TimeSpan.FromSeconds(2));
        Assert.Empty(await _storage.RawWebhookBlobsAsync("shopify", eventId));
        Assert.False(await _storage.HasReceiptAsync("shopify", eventId));
        Assert.False(await _storage.HasLedgerRowAsync("shopify", orderId));
    }

    [Fact]
    public async Task Post_malformed_json_names_the_problem()
    {
        var eventId = Guid.NewGuid().ToString();
        var body = Encoding.UTF8.GetBytes("{\"order_number\": 1001, \"line_items\": []}");

        using var response = await _host.Client.SendAsync(ShopifyWebhook.Request(body, eventId));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("id", problem.GetProperty("field").GetString());
    }

    [Fact]
    public async Task Post_same_event_ten_times_concurrently_yields_one_acceptance_one_archive_and_one_order()
    {
        var (orderId, body) = ShopifyWebhook.NewOrder();
        var eventId = Guid.NewGuid().ToString();

        var responses = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => _host.Client.SendAsync(ShopifyWebhook.Request(body, eventId))));

        Assert.Equal(1, responses.Count(r => r.StatusCode == HttpStatusCode.Accepted));
        Assert.Equal(9, responses.Count(r => r.StatusCode == HttpStatusCode.OK));
        await Eventually.GetAsync(async () => await GetOrderAsync(orderId) is not null, TimeSpan.FromSeconds(15), "the order in the ledger");
        Assert.Single(await _storage.RawWebhookBlobsAsync("shopify", eventId));
    }

    [Fact]
    public async Task Post_same_order_under_new_event_ids_updates_one_ledger_row()
    {
        var (orderId, body) = ShopifyWebhook.NewOrder();

        var first = await _host.Client.SendAsync(ShopifyWebhook.Request(body, Guid.NewGuid().ToString()));
        var second = await _host.Client.SendAsync(ShopifyWebhook.Request(body, Guid.NewGuid().ToString()));

        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, second.StatusCode);
        var order = await Eventually.GetAsync(async () => await GetOrderAsync(orderId) is { } found ? new Holder(found) : null, TimeSpan.FromSeconds(15), "the order");
        Assert.Contains(order.Value.GetProperty("status").GetString(), InProgressOrDone);
    }

    private async Task<JsonElement?> GetOrderAsync(string orderId)
    {
        using var response = await _host.Client.GetAsync($"api/orders/shopify/{orderId}");
        return response.StatusCode == HttpStatusCode.OK ? await response.Content.ReadFromJsonAsync<JsonElement>() : null;
    }

    private static byte[] Flip(byte[] body)
    {
        var copy = (byte[])body.Clone();
        var index = Array.IndexOf(copy, (byte)'5');
        copy[index] = (byte)'6';
        return copy;
    }

    private static byte[] Pad(byte[] body, int size)
    {
        var padded = new byte[size];
        Array.Fill(padded, (byte)' ');
        body.CopyTo(padded, 0);
        return padded;
    }

    private sealed record Holder(JsonElement Value);
}
