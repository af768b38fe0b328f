using System.Text.Json;
using Azure.Data.Tables;
using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using RetailFunctions.Core.Events;
using RetailFunctions.Core.Orders;
using RetailFunctions.Infrastructure.Events;
using RetailFunctions.Infrastructure.Storage;
using RetailFunctions.IntegrationTests.Hosting;

namespace RetailFunctions.IntegrationTests.Events;

/// <summary>The outbox, its relay and the local sink, built in-process on the tests' Azurite.</summary>
/// <param name="tableOptions">Options for the Table clients, e.g. with a <see cref="TableQueryRecorder"/>.</param>
internal sealed class OutboxStorage(AzuriteFixture azurite, TableClientOptions? tableOptions = null)
{
    public StorageClients Storage { get; } = new(
        new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [StorageClients.ConnectionName] = azurite.ConnectionString }).Build(),
        tableOptions);

    public QueueClient LocalSink => Storage.Queues.GetQueueClient(StorageNames.RetailEventsLocalQueue);

    public QueueClient Nudges => Storage.Queues.GetQueueClient(StorageNames.OutboxRelayQueue);

    public async Task CreateAsync()
    {
        foreach (var table in OutboxPartition.Tables)
        {
            await Storage.Tables.GetTableClient(table).CreateIfNotExistsAsync();
        }

        await LocalSink.CreateIfNotExistsAsync();
        await Storage.Queues.GetQueueClient(StorageNames.OutboxRelayQueue).CreateIfNotExistsAsync();
    }

    public OutboxTransactions Transactions() => new(Storage, NullLogger<OutboxTransactions>.Instance);

    public TableOutbox Outbox(TimeProvider time) => new(Storage, Transactions(), time, NullLogger<TableOutbox>.Instance);

    public OutboxRelay Relay(TableOutbox outbox, IRetailEventPublisher publisher, TimeProvider time) =>
        new(outbox, publisher, time, Options.Create(new RetailEventsOptions()), NullLogger<OutboxRelay>.Instance);

    public QueueRetailEventPublisher LocalPublisher() => new(Storage);

    /// <summary>A one-line order for the ledger; no personal data.</summary>
    public static CanonicalOrder Order(string channel, string orderId, DateTimeOffset placedAt) => new(
        channel, orderId, null, "USD",
        [new OrderLine("1", "SKU-1001", 1, 20m, 0m, 0m, null)],
        new ShippingCharge(0m, 0m, 0m, null),
        new OrderTotals(20m, 0m, 0m, 0m, 20m),
        null, null, placedAt, null, "paid", null);

    /// <summary>The events on <c>retail-events-local</c> for one aggregate, read without removing them.</summary>
    public async Task<List<RetailEvent>> SinkMessagesAsync(string aggregateId)
    {
        var found = new List<RetailEvent>();
        var received = new List<QueueMessage>();
        while (true)
        {
            var batch = (await LocalSink.ReceiveMessagesAsync(32, TimeSpan.FromSeconds(30))).Value;
            if (batch.Length == 0)
            {
                break;
            }

            received.AddRange(batch);
        }

        foreach (var message in received)
        {
            var retailEvent = JsonSerializer.Deserialize(message.Body, RetailEventJson.Default.RetailEvent)!;
            if (retailEvent.AggregateId == aggregateId)
            {
                found.Add(retailEvent);
            }

            await LocalSink.UpdateMessageAsync(message.MessageId, message.PopReceipt, visibilityTimeout: TimeSpan.Zero);
        }

        return found;
    }

    /// <summary>The outbox rows of one partition of <paramref name="table"/> (the <c>outbox</c> table's partitions are aggregate ids).</summary>
    public Task<List<TableEntity>> RowsAsync(string partitionKey, string table = StorageNames.OutboxTable) =>
        QueryAsync(table, OutboxRecords.Filter(partitionKey, pendingOnly: false));

    /// <summary>The pending markers of one partition of <paramref name="table"/>.</summary>
    public Task<List<TableEntity>> MarkersAsync(string partitionKey, string table = StorageNames.OutboxTable) =>
        QueryAsync(table, OutboxRecords.MarkerFilter(partitionKey));

    private async Task<List<TableEntity>> QueryAsync(string table, string filter)
    {
        var rows = new List<TableEntity>();
        await foreach (var row in Storage.Tables.GetTableClient(table).QueryAsync<TableEntity>(filter))
        {
            rows.Add(row);
        }

        return rows;
    }
}
