using System.Net;
using RetailFunctions.IntegrationTests.Fabric;
using RetailFunctions.IntegrationTests.Hosting;

namespace RetailFunctions.IntegrationTests.Telemetry;

/// <summary>
/// A Shopify order with a customer's personal data goes through the local host with console telemetry on and a canary
/// webhook secret; the secret and the personal data are also put where logs do pick them up (query strings of
/// requests, as a function key or an operator's search). Nothing the host prints may contain any of them.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class TelemetryRedactionTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private static readonly string[] PersonalData =
        ["avery.example@example.com", "avery.example%40example.com", "Avery", "Example Street", "Apt 4B", "Brooklyn", "5555550123"];

    private readonly string _canary = "canary-" + Guid.NewGuid().ToString("N");
    private FabricHost _host = null!;

    public async Task InitializeAsync() => _host = await FabricHost.StartAsync(azurite, new Dictionary<string, string>
    {
        ["Telemetry__Console"] = "true",
        ["Inventory__SeedSampleCatalogue"] = "true",
        ["Channels__Shopify__WebhookSecret"] = _canary,
    });

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task ShopifyOrderFlow_withPersonalDataAndCanarySecret_printsNeither()
    {
        // Arrange
        var (orderId, body) = ShopifyWebhook.NewOrder();
        var eventId = Guid.NewGuid().ToString();

        // Act
        using var accepted = await _host.Client.SendAsync(ShopifyWebhook.Request(body, eventId, signature: ShopifyWebhook.Sign(body, _canary)));
        using var rejected = await _host.Client.SendAsync(ShopifyWebhook.Request(body, Guid.NewGuid().ToString(), signature: ShopifyWebhook.Sign(body, "wrong")));
        await Eventually.GetAsync(
            async () => (await _host.Client.GetAsync($"api/orders/shopify/{orderId}")) is { StatusCode: HttpStatusCode.OK } found
                && (await found.Content.ReadAsStringAsync()).Contains("\"erpOrderId\":\"", StringComparison.Ordinal),
            TimeSpan.FromSeconds(60),
            "the order posted to the ERP");
        using var search = await _host.Client.GetAsync($"api/orders/shopify/{orderId}?code={_canary}&email=avery.example%40example.com&phone=%2B15555550123");
        await _host.Host.StopAsync();
        var transcript = _host.Host.Transcript;

        // Assert
        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, rejected.StatusCode);
        Assert.Equal(HttpStatusCode.OK, search.StatusCode);
        Assert.Contains(eventId, transcript, StringComparison.Ordinal);
        Assert.Contains(orderId, transcript, StringComparison.Ordinal);
        Assert.Contains("retail.webhook.rejected", transcript, StringComparison.Ordinal);
        Assert.Contains("retail.webhook.ack_time", transcript, StringComparison.Ordinal);
        Assert.Contains("Activity.TraceId", transcript, StringComparison.Ordinal);
        Assert.Contains($"retail.order_key: order-shopify-{orderId}", transcript, StringComparison.Ordinal);
        Assert.Contains($"OrderKey: order-shopify-{orderId}", transcript, StringComparison.Ordinal);
        Assert.Contains("code=[redacted]", transcript, StringComparison.Ordinal);
        Assert.DoesNotContain(_canary, transcript, StringComparison.Ordinal);
        Assert.All(PersonalData, personal => Assert.DoesNotContain(personal, transcript, StringComparison.OrdinalIgnoreCase));
    }
}
