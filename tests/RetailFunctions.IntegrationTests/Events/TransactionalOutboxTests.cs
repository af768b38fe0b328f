using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Time.Testing;
using RetailFunctions.Core.Events;
using RetailFunctions.Core.Orders;
using RetailFunctions.Core.Returns;
using RetailFunctions.Infrastructure.Events;
using RetailFunctions.Infrastructure.Orders;
using RetailFunctions.Infrastructure.Returns;
using RetailFunctions.Infrastructure.Storage;
using RetailFunctions.IntegrationTests.Hosting;

namespace RetailFunctions.IntegrationTests.Events;

/// <summary>
/// The transactional outbox on Azurite: the ledgers commit a state change and its event in one Table transaction in
/// the state row's partition, and the relay publishes those rows from there, with a controllable clock.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class TransactionalOutboxTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private readonly OutboxStorage _storage = new(azurite);
    private readonly FakeTimeProvider _time = new(DateTimeOffset.UtcNow);
    private readonly string _orderId = Guid.NewGuid().ToString("N");

    /// <summary>The ledger's partition is the channel: one of its own per test, so no other test's rows share it.</summary>
    private string Channel { get; } = "test" + Guid.NewGuid().ToString("N")[..12];
    private TableOrderLedger _ledger = null!;

    private string OrderKey => $"order-{Channel}-{_orderId}";

    public async Task InitializeAsync()
    {
        await _storage.CreateAsync();
        _ledger = new TableOrderLedger(_storage.Storage, _storage.Transactions(), _time);
        await _ledger.RecordAsync(OutboxStorage.Order(Channel, _orderId, _time.GetUtcNow()), CancellationToken.None);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task UpdateProgressAsync_withAnnouncement_commitsStatusAndPendingEventInTheOrdersPartitionAndNudges()
    {
        // Arrange
        await _storage.Nudges.ClearMessagesAsync();

        // Act
        await _ledger.UpdateProgressAsync(Channel, _orderId, new OrderProgress(OrderStatus.PostedToErp, ErpOrderId: "SO-7"), Event(RetailEventTypes.OrderPostedToErp), CancellationToken.None);

        // Assert
        Assert.Equal(OrderStatus.PostedToErp, (await _ledger.FindAsync(Channel, _orderId, CancellationToken.None))!.Status);
        var row = Assert.Single(await _storage.RowsAsync(Channel, StorageNames.OrdersTable), r => r.GetString("AggregateId") == OrderKey);
        Assert.Equal(($"outbox|{OrderKey}:order.postedToErp", OutboxRecords.Pending), (row.RowKey, row.GetString(OutboxRecords.StatusProperty)));
        Assert.Equal($"outboxpending|{OrderKey}:order.postedToErp", Assert.Single(await _storage.MarkersAsync(Channel, StorageNames.OrdersTable)).RowKey);
        Assert.Contains($"{StorageNames.OrdersTable}|{Channel}", await NudgesAsync());
    }

    [Fact]
    public async Task UpdateProgressAsync_eventRowRefused_leavesNeitherStatusNorEvent()
    {
        // Arrange: a string property over Table storage's 64 KiB limit makes the outbox insert, and so the whole transaction, fail.
        var oversized = Event(RetailEventTypes.OrderPostedToErp) with
        {
            Data = JsonSerializer.SerializeToElement(new { note = new string('x', 40_000) }),
        };

        // Act
        var failure = await Assert.ThrowsAnyAsync<RequestFailedException>(() =>
            _ledger.UpdateProgressAsync(Channel, _orderId, new OrderProgress(OrderStatus.PostedToErp, ErpOrderId: "SO-7"), oversized, CancellationToken.None));

        // Assert
        Assert.IsType<TableTransactionFailedException>(failure);
        Assert.Equal(OrderStatus.Received, (await _ledger.FindAsync(Channel, _orderId, CancellationToken.None))!.Status);
        Assert.DoesNotContain(await _storage.RowsAsync(Channel, StorageNames.OrdersTable), r => r.GetString("AggregateId") == OrderKey);
        Assert.Empty(await _storage.MarkersAsync(Channel, StorageNames.OrdersTable));
    }

    [Fact]
    public async Task UpdateProgressAsync_stepRepeatedAfterPublication_writesStateAndKeepsTheOneSentEventWithoutMarkerOrNudge()
    {
        // Arrange
        var relay = _storage.Relay(_storage.Outbox(_time), _storage.LocalPublisher(), _time);
        await _ledger.UpdateProgressAsync(Channel, _orderId, new OrderProgress(OrderStatus.Completed), Event(RetailEventTypes.OrderCompleted), CancellationToken.None);
        await relay.RelayAsync(new OutboxPartition(StorageNames.OrdersTable, Channel), CancellationToken.None);
        await _storage.Nudges.ClearMessagesAsync();

        // Act: the activity runs again (its completion was lost), with a later clock and a note for operators.
        _time.Advance(TimeSpan.FromMinutes(1));
        await _ledger.UpdateProgressAsync(Channel, _orderId, new OrderProgress(OrderStatus.Completed, Alert: "re-run"), Event(RetailEventTypes.OrderCompleted), CancellationToken.None);
        var again = await relay.RelayAsync(new OutboxPartition(StorageNames.OrdersTable, Channel), CancellationToken.None);

        // Assert
        Assert.Equal("re-run", (await _ledger.FindAsync(Channel, _orderId, CancellationToken.None))!.Alert);
        var row = Assert.Single(await _storage.RowsAsync(Channel, StorageNames.OrdersTable), r => r.GetString("AggregateId") == OrderKey);
        Assert.Equal(OutboxRecords.Sent, row.GetString(OutboxRecords.StatusProperty));
        Assert.Empty(await _storage.MarkersAsync(Channel, StorageNames.OrdersTable));
        Assert.DoesNotContain($"{StorageNames.OrdersTable}|{Channel}", await NudgesAsync());
        Assert.Equal(0, again.Sent);
        Assert.Single(await _storage.SinkMessagesAsync(OrderKey));
    }

    /// <summary>The process died after the commit and before the nudge: only the sweep can find the row, and it does.</summary>
    [Fact]
    public async Task RelayAsync_sweepAfterCommitWithoutNudge_publishesTheEvent()
    {
        // Arrange
        await _ledger.UpdateProgressAsync(Channel, _orderId, new OrderProgress(OrderStatus.Cancelled), Event(RetailEventTypes.OrderCancelled), CancellationToken.None);
        await _storage.Nudges.ClearMessagesAsync();

        // Act: each sweep takes at most a batch of what other tests left pending on this Azurite, so it may take a few.
        var relay = _storage.Relay(_storage.Outbox(_time), _storage.LocalPublisher(), _time);
        for (var sweep = 0; sweep < 20 && (await relay.RelayAsync(partition: null, CancellationToken.None)).Sent > 0 && !await SentAsync(); sweep++)
        {
        }

        // Assert
        var message = Assert.Single(await _storage.SinkMessagesAsync(OrderKey));
        Assert.Equal(($"{OrderKey}:order.cancelled", Channel), (message.EventId, message.Channel));
        Assert.Equal(OrderStatus.Cancelled, (await _ledger.FindAsync(Channel, _orderId, CancellationToken.None))!.Status);
    }

    /// <summary>The sweep scans whole tables, so it runs once per <c>Events:SweepInterval</c>: a lost nudge waits for the next one, and is not lost.</summary>
    [Fact]
    public async Task SweepIfDueAsync_commitWithoutNudgeBetweenSweeps_waitsForTheIntervalThenPublishesTheEvent()
    {
        // Arrange: the first sweep after a start is due at once.
        var interval = new RetailEventsOptions().SweepInterval;
        var relay = _storage.Relay(_storage.Outbox(_time), _storage.LocalPublisher(), _time);
        var atStart = await relay.SweepIfDueAsync(CancellationToken.None);
        await _ledger.UpdateProgressAsync(Channel, _orderId, new OrderProgress(OrderStatus.Cancelled), Event(RetailEventTypes.OrderCancelled), CancellationToken.None);
        await _storage.Nudges.ClearMessagesAsync();

        // Act
        _time.Advance(interval - TimeSpan.FromSeconds(1));
        var early = await relay.SweepIfDueAsync(CancellationToken.None);
        var sentEarly = await SentAsync();
        for (var sweep = 0; sweep < 20 && !await SentAsync(); sweep++)
        {
            _time.Advance(interval);
            Assert.NotNull(await relay.SweepIfDueAsync(CancellationToken.None));
        }

        // Assert
        Assert.NotNull(atStart);
        Assert.Null(early);
        Assert.False(sentEarly);
        Assert.Equal($"{OrderKey}:order.cancelled", Assert.Single(await _storage.SinkMessagesAsync(OrderKey)).EventId);
    }

    [Fact]
    public async Task RelayAsync_serviceBusDownDuringThreeSteps_keepsEveryEventAndPublishesThemInOrderOnceBack()
    {
        // Arrange
        var outbox = _storage.Outbox(_time);
        var partition = new OutboxPartition(StorageNames.OrdersTable, Channel);
        var down = new UnavailablePublisher();
        var outages = new List<OutboxRelayResult>();
        foreach (var (status, eventType) in new[]
        {
            (OrderStatus.PostedToErp, RetailEventTypes.OrderPostedToErp),
            (OrderStatus.Shipped, RetailEventTypes.OrderShipped),
            (OrderStatus.Completed, RetailEventTypes.OrderCompleted),
        })
        {
            _time.Advance(TimeSpan.FromSeconds(1));
            await _ledger.UpdateProgressAsync(Channel, _orderId, new OrderProgress(status), Event(eventType), CancellationToken.None);
            outages.Add(await _storage.Relay(outbox, down, _time).RelayAsync(partition, CancellationToken.None));
            _time.Advance(new RetailEventsOptions().LeaseDuration);
        }

        // Act
        var back = await _storage.Relay(outbox, _storage.LocalPublisher(), _time).RelayAsync(partition, CancellationToken.None);

        // Assert
        Assert.All(outages, o => Assert.Equal((0, 1), (o.Sent, o.Failed)));
        Assert.Equal(3, down.Attempts);
        Assert.Equal(3, back.Sent);
        Assert.Equal(
            [$"{OrderKey}:order.postedToErp", $"{OrderKey}:order.shipped", $"{OrderKey}:order.completed"],
            (await _storage.SinkMessagesAsync(OrderKey)).Select(m => m.EventId));
        Assert.All(
            (await _storage.RowsAsync(Channel, StorageNames.OrdersTable)).Where(r => r.GetString("AggregateId") == OrderKey),
            r => Assert.Equal(OutboxRecords.Sent, r.GetString(OutboxRecords.StatusProperty)));
    }

    [Fact]
    public async Task ReturnLedger_refundedWithAnnouncement_commitsTheEventInTheReturnsPartitionForTheRelay()
    {
        // Arrange
        var returns = new TableReturnLedger(_storage.Storage, _storage.Transactions(), _time);
        var returnId = "R-" + _orderId;
        await returns.RecordRequestAsync(
            new ReturnRequest(Channel, returnId, new ReturnOrderReference(Channel, _orderId), [new ReturnLine("SKU-1001", 1, ReturnDisposition.Restock)], _time.GetUtcNow(), "STORE-001", false),
            CancellationToken.None);
        var completed = new RetailEvent($"return-{Channel}-{returnId}:return.completed", RetailEventTypes.ReturnCompleted, OrderKey, Channel, _time.GetUtcNow(), JsonSerializer.SerializeToElement(new { returnId }));

        // Act
        await returns.UpdateProgressAsync(Channel, returnId, new ReturnProgress(ReturnStatus.Refunded), completed, CancellationToken.None);
        await _storage.Relay(_storage.Outbox(_time), _storage.LocalPublisher(), _time).RelayAsync(new OutboxPartition(StorageNames.ReturnsTable, Channel), CancellationToken.None);

        // Assert
        Assert.Equal(ReturnStatus.Refunded, (await returns.FindAsync(Channel, returnId, CancellationToken.None))!.Status);
        Assert.Equal(completed.EventId, Assert.Single(await _storage.SinkMessagesAsync(OrderKey)).EventId);
    }

    private RetailEvent Event(string eventType) => new(
        $"{OrderKey}:{eventType}", eventType, OrderKey, Channel, _time.GetUtcNow(), JsonSerializer.SerializeToElement(new { channelOrderId = _orderId }));

    private async Task<bool> SentAsync() =>
        (await _storage.RowsAsync(Channel, StorageNames.OrdersTable)).Any(r => r.GetString(OutboxRecords.StatusProperty) == OutboxRecords.Sent);

    private async Task<List<string>> NudgesAsync() =>
        [.. (await _storage.Nudges.PeekMessagesAsync(32)).Value.Select(m => m.Body.ToString())];
}
