using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Azure.Data.Tables;
using RetailFunctions.Core.Events;
using RetailFunctions.Core.Orders;
using RetailFunctions.Infrastructure.Events;
using RetailFunctions.Infrastructure.Orders;
using RetailFunctions.Infrastructure.Storage;
using RetailFunctions.IntegrationTests.Fabric;
using RetailFunctions.IntegrationTests.Hosting;

namespace RetailFunctions.IntegrationTests.Events;

/// <summary>
/// The relay functions on the local fabric host: an outbox row, in the <c>outbox</c> table or next to an order's state,
/// reaches <c>retail-events-local</c> once and shows as sent, through the nudge or, when the nudge never came, the sweep.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class OutboxRelayFunctionTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private readonly OutboxStorage _storage = new(azurite);
    private FabricHost _host = null!;

    public async Task InitializeAsync()
    {
        await _storage.CreateAsync();
        // A short sweep interval, so the lost-nudge test need not wait for the default minute.
        _host = await FabricHost.StartAsync(azurite, new Dictionary<string, string> { ["Events__SweepInterval"] = "00:00:02" });
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
        var listed = await WaitUntilSentAsync(retailEvent.EventId);
        Assert.Equal("order.received", listed.Value.GetProperty("event").GetProperty("eventType").GetString());
        await Task.Delay(TimeSpan.FromSeconds(6));
        var message = Assert.Single(await _storage.SinkMessagesAsync(aggregateId));
        Assert.Equal(retailEvent.EventId, message.EventId);
        Assert.Equal(retailEvent.TraceParent, message.TraceParent);
    }

    [Fact]
    public async Task OrderLedgerStep_whileHostRuns_relaysTheEventFromTheOrdersPartitionAndListsItAsSent()
    {
        // Arrange
        var ledger = new TableOrderLedger(_storage.Storage, _storage.Transactions(), TimeProvider.System);
        var (channel, orderId) = await SeedOrderAsync(ledger);
        var orderKey = $"order-{channel}-{orderId}";
        var completed = new RetailEvent(
            $"{orderKey}:{RetailEventTypes.OrderCompleted}", RetailEventTypes.OrderCompleted, orderKey, channel, DateTimeOffset.UtcNow,
            JsonDocument.Parse("""{"invoiceId":"INV-1"}""").RootElement);

        // Act
        await ledger.UpdateProgressAsync(channel, orderId, new OrderProgress(OrderStatus.Completed), completed, CancellationToken.None);

        // Assert
        await WaitUntilSentAsync(completed.EventId);
        Assert.Equal(completed.EventId, Assert.Single(await _storage.SinkMessagesAsync(orderKey)).EventId);
        Assert.Equal(OrderStatus.Completed, (await ledger.FindAsync(channel, orderId, CancellationToken.None))!.Status);
    }

    /// <summary>What a process that died right after its commit leaves behind: state and outbox row, and no nudge.</summary>
    [Fact]
    public async Task StateCommittedWithoutNudge_whileHostRuns_sweepRelaysTheEvent()
    {
        // Arrange
        var ledger = new TableOrderLedger(_storage.Storage, _storage.Transactions(), TimeProvider.System);
        var (channel, orderId) = await SeedOrderAsync(ledger);
        var orderKey = $"order-{channel}-{orderId}";
        var cancelled = new RetailEvent(
            $"{orderKey}:{RetailEventTypes.OrderCancelled}", RetailEventTypes.OrderCancelled, orderKey, channel, DateTimeOffset.UtcNow,
            JsonDocument.Parse("""{"reason":"customer"}""").RootElement);
        var orders = _storage.Storage.Tables.GetTableClient(StorageNames.OrdersTable);
        var order = (await orders.GetEntityAsync<TableEntity>(channel, orderId)).Value;
        order["Status"] = nameof(OrderStatus.Cancelled);

        // Act
        await orders.SubmitTransactionAsync(
        [
            new TableTransactionAction(TableTransactionActionType.UpdateReplace, order, order.ETag),
            .. OutboxRecords.NewEvent(channel, cancelled),
        ]);

        // Assert
        await WaitUntilSentAsync(cancelled.EventId);
        Assert.Equal(cancelled.EventId, Assert.Single(await _storage.SinkMessagesAsync(orderKey)).EventId);
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

    /// <summary>A channel of its own makes the order's partition private to the test.</summary>
    private static async Task<(string Channel, string OrderId)> SeedOrderAsync(TableOrderLedger ledger)
    {
        var channel = "test" + Guid.NewGuid().ToString("N")[..12];
        var orderId = Guid.NewGuid().ToString("N");
        await ledger.RecordAsync(OutboxStorage.Order(channel, orderId, DateTimeOffset.UtcNow), CancellationToken.None);
        return (channel, orderId);
    }

    private Task<Holder> WaitUntilSentAsync(string eventId) =>
        Eventually.GetAsync(
            async () => (await RecentAsync()).FirstOrDefault(e => e.GetProperty("event").GetProperty("eventId").GetString() == eventId
                && e.GetProperty("status").GetString() == "Sent") is { ValueKind: JsonValueKind.Object } found ? new Holder(found) : null,
            TimeSpan.FromSeconds(20),
            $"event {eventId} listed as sent");

    private async Task<JsonElement[]> RecentAsync()
    {
        using var response = await _host.Client.GetAsync("api/events/recent?limit=500");
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray().ToArray();
    }

    private sealed record Holder(JsonElement Value);
}
