using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using RetailFunctions.Core.Events;
using RetailFunctions.IntegrationTests.Fabric;
using RetailFunctions.IntegrationTests.Hosting;

namespace RetailFunctions.IntegrationTests.Events;

/// <summary>The relay functions on the local fabric host: an outbox row reaches <c>retail-events-local</c> once and shows as sent.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class OutboxRelayFunctionTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private readonly OutboxStorage _storage = new(azurite);
    private FabricHost _host = null!;

    public async Task InitializeAsync()
    {
        await _storage.CreateAsync();
        _host = await FabricHost.StartAsync(azurite);
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task PublishAsync_twiceWhileHostRuns_relaysOneMessageAndListsItAsSent()
    {
        // Arrange
        var aggregateId = "order-shopify-" + Guid.NewGuid().ToString("N");
        var retailEvent = new RetailEvent(
            $"order.received:{aggregateId}", RetailEventTypes.OrderReceived, aggregateId, "shopify", DateTimeOffset.UtcNow,
            JsonDocument.Parse("""{"status":"Received"}""").RootElement, "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");
        var outbox = _storage.Outbox(TimeProvider.System);

        // Act
        await outbox.PublishAsync(retailEvent, CancellationToken.None);
        await outbox.PublishAsync(retailEvent, CancellationToken.None);

        // Assert
        var listed = await Eventually.GetAsync(
            async () => (await RecentAsync()).FirstOrDefault(e => e.GetProperty("event").GetProperty("eventId").GetString() == retailEvent.EventId
                && e.GetProperty("status").GetString() == "Sent") is { ValueKind: JsonValueKind.Object } found ? new Holder(found) : null,
            TimeSpan.FromSeconds(20),
            "the event listed as sent");
        Assert.Equal("order.received", listed.Value.GetProperty("event").GetProperty("eventType").GetString());
        await Task.Delay(TimeSpan.FromSeconds(6));
        var message = Assert.Single(await _storage.SinkMessagesAsync(aggregateId));
        Assert.Equal(retailEvent.EventId, message.EventId);
        Assert.Equal(retailEvent.TraceParent, message.TraceParent);
    }

    [Fact]
    public async Task GetRecentEvents_limitOutOfRange_returns400NamingLimit()
    {
        // Act
        using var response = await _host.Client.GetAsync("api/events/recent?limit=0");

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("limit", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("field").GetString());
    }

    private async Task<JsonElement[]> RecentAsync()
    {
        using var response = await _host.Client.GetAsync("api/events/recent?limit=500");
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray().ToArray();
    }

    private sealed record Holder(JsonElement Value);
}
