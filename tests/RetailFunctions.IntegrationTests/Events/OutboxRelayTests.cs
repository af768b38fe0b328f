using System.Text.Json;
using Azure.Data.Tables;
using Microsoft.Extensions.Time.Testing;
using RetailFunctions.Core.Events;
using RetailFunctions.Infrastructure.Events;
using RetailFunctions.Infrastructure.Storage;
using RetailFunctions.IntegrationTests.Hosting;

namespace RetailFunctions.IntegrationTests.Events;

/// <summary>The outbox and relay on Azurite with the local queue sink, driven in-process with a controllable clock.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class OutboxRelayTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private readonly OutboxStorage _storage = new(azurite);
    private readonly FakeTimeProvider _time = new(DateTimeOffset.UtcNow);
    private readonly string _aggregateId = "order-shopify-" + Guid.NewGuid().ToString("N");

    private OutboxPartition Partition => new(StorageNames.OutboxTable, _aggregateId);

    public Task InitializeAsync() => _storage.CreateAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task PublishAsync_sameEventTwice_writesOneRowAndRelaysOneMessage()
    {
        // Arrange
        var outbox = _storage.Outbox(_time);
        var relay = _storage.Relay(outbox, _storage.LocalPublisher(), _time);
        var retailEvent = Event("order.received:1", RetailEventTypes.OrderReceived, 0);

        // Act
        await outbox.PublishAsync(retailEvent, CancellationToken.None);
        await outbox.PublishAsync(retailEvent, CancellationToken.None);
        var first = await relay.RelayAsync(Partition, CancellationToken.None);
        var second = await relay.RelayAsync(Partition, CancellationToken.None);

        // Assert
        var row = Assert.Single(await _storage.RowsAsync(_aggregateId));
        Assert.Equal("Sent", row.GetString(OutboxRecords.StatusProperty));
        Assert.Empty(await _storage.MarkersAsync(_aggregateId));
        Assert.Equal((1, 0), (first.Sent, second.Sent));
        var message = Assert.Single(await _storage.SinkMessagesAsync(_aggregateId));
        Assert.Equal("order.received:1", message.EventId);
        Assert.Equal("shopify", message.Channel);
        Assert.Equal("SO-1", message.Data.GetProperty("erpOrderId").GetString());
    }

    /// <summary>
    /// At least once, by design: the send happened but the relay died before marking the row, so the row is sent again
    /// after its lease, with the same event id, which is the MessageId that the topic's duplicate detection keys on.
    /// </summary>
    [Fact]
    public async Task RelayAsync_crashBetweenSendAndMark_republishesWithSameMessageIdAfterLease()
    {
        // Arrange
        var outbox = _storage.Outbox(_time);
        await outbox.PublishAsync(Event("order.shipped:1", RetailEventTypes.OrderShipped, 0), CancellationToken.None);
        var crashing = new CrashAfterSendPublisher(_storage.LocalPublisher());

        // Act
        await _storage.Relay(outbox, crashing, _time).RelayAsync(Partition, CancellationToken.None);
        var withinLease = await _storage.Relay(outbox, _storage.LocalPublisher(), _time).RelayAsync(Partition, CancellationToken.None);
        _time.Advance(new RetailEventsOptions().LeaseDuration + TimeSpan.FromSeconds(1));
        var afterLease = await _storage.Relay(outbox, _storage.LocalPublisher(), _time).RelayAsync(Partition, CancellationToken.None);

        // Assert
        Assert.Equal(0, withinLease.Sent);
        Assert.Equal(1, afterLease.Sent);
        var messages = await _storage.SinkMessagesAsync(_aggregateId);
        Assert.Equal(2, messages.Count);
        Assert.All(messages, m => Assert.Equal("order.shipped:1", m.EventId));
        Assert.Equal("Sent", Assert.Single(await _storage.RowsAsync(_aggregateId)).GetString(OutboxRecords.StatusProperty));
    }

    [Fact]
    public async Task RelayAsync_sinkDown_keepsRowsAndPublishesInOrderOnceBack()
    {
        // Arrange
        var outbox = _storage.Outbox(_time);
        await outbox.PublishAsync(Event("order.completed:1", RetailEventTypes.OrderCompleted, 3), CancellationToken.None);
        await outbox.PublishAsync(Event("order.received:1", RetailEventTypes.OrderReceived, 1), CancellationToken.None);
        await outbox.PublishAsync(Event("order.shipped:1", RetailEventTypes.OrderShipped, 2), CancellationToken.None);
        var down = new UnavailablePublisher();

        // Act
        var during = await _storage.Relay(outbox, down, _time).RelayAsync(Partition, CancellationToken.None);
        _time.Advance(TimeSpan.FromMinutes(1));
        var after = await _storage.Relay(outbox, _storage.LocalPublisher(), _time).RelayAsync(Partition, CancellationToken.None);

        // Assert
        Assert.Equal((0, 1), (during.Sent, during.Failed));
        Assert.Equal(1, down.Attempts);
        Assert.Equal(3, after.Sent);
        Assert.Equal(
            ["order.received:1", "order.shipped:1", "order.completed:1"],
            (await _storage.SinkMessagesAsync(_aggregateId)).Select(m => m.EventId));
        Assert.All(await _storage.RowsAsync(_aggregateId), row => Assert.Equal("Sent", row.GetString(OutboxRecords.StatusProperty)));
        Assert.Empty(await _storage.MarkersAsync(_aggregateId));
    }

    /// <summary>
    /// Nudges that come while a pass over their partition runs ask it for one more pass instead of each running one (a
    /// pass would find the aggregate's first row leased and stop): the rows committed meanwhile go out right after, once, in order.
    /// </summary>
    [Fact]
    public async Task RelayNudgedAsync_nudgesDuringARunningPass_returnAtOnceAndTheNextPassPublishesTheirEventsInOrder()
    {
        // Arrange: the first pass holds on its first send.
        var outbox = _storage.Outbox(_time);
        var held = new HeldPublisher(_storage.LocalPublisher());
        var relay = _storage.Relay(outbox, held, _time);
        await outbox.PublishAsync(Event("order.received:1", RetailEventTypes.OrderReceived, 0), CancellationToken.None);
        var firstPass = relay.RelayNudgedAsync(Partition, CancellationToken.None);
        await held.FirstSendStarted.WaitAsync(TimeSpan.FromSeconds(10));
        await outbox.PublishAsync(Event("order.shipped:1", RetailEventTypes.OrderShipped, 1), CancellationToken.None);
        await outbox.PublishAsync(Event("order.completed:1", RetailEventTypes.OrderCompleted, 2), CancellationToken.None);

        // Act
        var nudges = Task.WhenAll(relay.RelayNudgedAsync(Partition, CancellationToken.None), relay.RelayNudgedAsync(Partition, CancellationToken.None));
        await nudges.WaitAsync(TimeSpan.FromSeconds(10));
        var sendsWhileHeld = held.Sends;
        held.Release();
        await firstPass.WaitAsync(TimeSpan.FromSeconds(30));

        // Assert
        Assert.Equal(1, sendsWhileHeld);
        Assert.Equal(3, held.Sends);
        Assert.Equal(
            ["order.received:1", "order.shipped:1", "order.completed:1"],
            (await _storage.SinkMessagesAsync(_aggregateId)).Select(m => m.EventId));
        Assert.All(await _storage.RowsAsync(_aggregateId), row => Assert.Equal("Sent", row.GetString(OutboxRecords.StatusProperty)));
    }

    /// <summary>
    /// A nudge pass costs what is pending, not what the partition ever sent: the key ranges of its queries cover the one
    /// pending marker, not the partition's sent events (all of a channel's orders share one partition of <c>orders</c>).
    /// </summary>
    [Fact]
    public async Task RelayAsync_partitionWithManySentEventsAndOnePending_readsOnlyThePendingMarker()
    {
        // Arrange
        var recorder = new TableQueryRecorder();
        var recorded = new OutboxStorage(azurite, recorder.Options());
        var outbox = recorded.Outbox(_time);
        var relay = recorded.Relay(outbox, recorded.LocalPublisher(), _time);
        for (var step = 0; step < 40; step++)
        {
            await outbox.PublishAsync(Event($"order.shipped:{step:D2}", RetailEventTypes.OrderShipped, step), CancellationToken.None);
        }

        var earlier = await relay.RelayAsync(Partition, CancellationToken.None);
        await outbox.PublishAsync(Event("order.completed:1", RetailEventTypes.OrderCompleted, 41), CancellationToken.None);
        var partitionBefore = await AllRowsAsync();
        recorder.Clear();

        // Act
        var pass = await relay.RelayAsync(Partition, CancellationToken.None);

        // Assert
        Assert.Equal((40, 1), (earlier.Sent, pass.Sent));
        Assert.NotEmpty(recorder.Filters);
        Assert.Equal(42, partitionBefore.Count);
        Assert.Equal(1, recorder.RowsCovered(partitionBefore));
        Assert.Equal(41, (await _storage.RowsAsync(_aggregateId)).Count(r => r.GetString(OutboxRecords.StatusProperty) == OutboxRecords.Sent));
        Assert.Empty(await _storage.MarkersAsync(_aggregateId));
        Assert.Equal("order.completed:1", (await _storage.SinkMessagesAsync(_aggregateId))[^1].EventId);
    }

    /// <summary><c>GET /api/events/recent</c> lists each event once with its status: its pending marker is no event of its own.</summary>
    [Fact]
    public async Task RecentAsync_eventPendingThenSent_listsItOnceWithItsStatus()
    {
        // Arrange: a day ahead of what other tests on this Azurite wrote, so it is among the newest whatever ran before.
        var outbox = _storage.Outbox(_time);
        var retailEvent = Event("order.received:1", RetailEventTypes.OrderReceived, (int)TimeSpan.FromDays(1).TotalMinutes);
        await outbox.PublishAsync(retailEvent, CancellationToken.None);

        // Act
        var whilePending = await RecentOfAggregateAsync(outbox);
        var markers = await _storage.MarkersAsync(_aggregateId);
        await _storage.Relay(outbox, _storage.LocalPublisher(), _time).RelayAsync(Partition, CancellationToken.None);
        var onceSent = await RecentOfAggregateAsync(outbox);

        // Assert
        Assert.Equal(retailEvent.EventId, Assert.Single(markers).GetString("EventId"));
        Assert.Equal([(retailEvent.EventId, OutboxRecords.Pending)], whilePending);
        Assert.Equal([(retailEvent.EventId, OutboxRecords.Sent)], onceSent);
    }

    /// <summary>A row written before pending markers existed has none, so no nudge pass reads it: the sweep gives it one and publishes it.</summary>
    [Fact]
    public async Task RelayAsync_sweepFindsPendingRowWithoutMarker_publishesItOnceAndMarksItSent()
    {
        // Arrange
        var outbox = _storage.Outbox(_time);
        var relay = _storage.Relay(outbox, _storage.LocalPublisher(), _time);
        await _storage.Storage.Tables.GetTableClient(StorageNames.OutboxTable)
            .AddEntityAsync(OutboxRecords.NewRow(_aggregateId, Event("order.received:1", RetailEventTypes.OrderReceived, 0)));
        var nudged = await relay.RelayAsync(Partition, CancellationToken.None);

        // Act: each sweep takes at most a batch of what other tests left pending on this Azurite, so it may take a few.
        for (var sweep = 0; sweep < 20 && (await _storage.RowsAsync(_aggregateId)).Single().GetString(OutboxRecords.StatusProperty) != OutboxRecords.Sent; sweep++)
        {
            await relay.RelayAsync(partition: null, CancellationToken.None);
        }

        var afterwards = await relay.RelayAsync(partition: null, CancellationToken.None);

        // Assert
        Assert.Equal(0, nudged.Sent);
        Assert.Equal(OutboxRecords.Sent, Assert.Single(await _storage.RowsAsync(_aggregateId)).GetString(OutboxRecords.StatusProperty));
        Assert.Empty(await _storage.MarkersAsync(_aggregateId));
        Assert.Equal("order.received:1", Assert.Single(await _storage.SinkMessagesAsync(_aggregateId)).EventId);
        Assert.Equal(0, afterwards.Failed);
    }

    private async Task<List<(string EventId, string Status)>> RecentOfAggregateAsync(TableOutbox outbox) =>
        [.. (await outbox.RecentAsync(500, CancellationToken.None)).Where(e => e.Event.AggregateId == _aggregateId).Select(e => (e.Event.EventId, e.Status))];

    private async Task<List<TableEntity>> AllRowsAsync()
    {
        var rows = new List<TableEntity>();
        await foreach (var row in _storage.Storage.Tables.GetTableClient(StorageNames.OutboxTable).QueryAsync<TableEntity>(e => e.PartitionKey == _aggregateId))
        {
            rows.Add(row);
        }

        return rows;
    }

    private RetailEvent Event(string eventId, string eventType, int minutesAfterStart) => new(
        eventId,
        eventType,
        _aggregateId,
        "shopify",
        _time.GetUtcNow().AddMinutes(minutesAfterStart),
        JsonDocument.Parse("""{"erpOrderId":"SO-1"}""").RootElement);

    /// <summary>Holds the first send until <see cref="Release"/>; counts the sends it passed on.</summary>
    private sealed class HeldPublisher(IRetailEventPublisher inner) : IRetailEventPublisher
    {
        private readonly TaskCompletionSource _started = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _sends;

        public Task FirstSendStarted => _started.Task;

        public int Sends => Volatile.Read(ref _sends);

        public void Release() => _released.TrySetResult();

        public async Task SendAsync(RetailEvent retailEvent, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _sends);
            _started.TrySetResult();
            await _released.Task.WaitAsync(cancellationToken);
            await inner.SendAsync(retailEvent, cancellationToken);
        }
    }

    private sealed class CrashAfterSendPublisher(IRetailEventPublisher inner) : IRetailEventPublisher
    {
        public async Task SendAsync(RetailEvent retailEvent, CancellationToken cancellationToken)
        {
            await inner.SendAsync(retailEvent, cancellationToken);
            throw new InvalidOperationException("The relay died after the send, before marking the row.");
        }
    }
}
