using System.Text.Json;
using Azure.Data.Tables;
using RetailFunctions.Core.Events;
using RetailFunctions.Core.Storage;

namespace RetailFunctions.Infrastructure.Events;

/// <summary>
/// How an outbox row looks in whichever table holds it: next to the state it reports, same partition, row key
/// <c>outbox|{event id}</c>. The status property is <c>OutboxStatus</c>, not <c>Status</c>, so that scans of a ledger
/// that count rows by <c>Status</c> (the operations page) never mistake an outbox row for an order.
/// While an event waits for the relay it also has a pending marker, <c>outboxpending|{event id}</c>, written in the same
/// transaction and deleted when the event is marked sent: Table storage indexes only keys, so a relay pass that read the
/// event rows filtered on their status would read every event the partition ever had; it reads the markers instead.
/// </summary>
public static class OutboxRecords
{
    public const string Pending = "Pending";
    public const string Sent = "Sent";
    public const string StatusProperty = "OutboxStatus";
    public const string LeasedUntilProperty = "LeasedUntil";
    public const string SentAtProperty = "SentAt";

    /// <summary>'|' sorts after letters and digits, so outbox rows gather after a partition's own rows; '}' is the next character.</summary>
    private const string RowKeyPrefix = "outbox|";
    private const string RowKeyEnd = "outbox}";

    /// <summary>'p' sorts before '|', so the markers' range lies before the event rows' and neither range holds the other's rows.</summary>
    private const string MarkerPrefix = "outboxpending|";
    private const string MarkerEnd = "outboxpending}";

    public static string RowKey(string eventId) => RowKeyPrefix + StorageKey.Escape(eventId);

    public static string MarkerRowKey(string eventId) => MarkerPrefix + StorageKey.Escape(eventId);

    /// <summary>Whether a row of a ledger table is one of its outbox rows or pending markers rather than the ledger's own.</summary>
    public static bool IsOutboxRow(string rowKey) =>
        rowKey.StartsWith(RowKeyPrefix, StringComparison.Ordinal) || rowKey.StartsWith(MarkerPrefix, StringComparison.Ordinal);

    public static TableEntity NewRow(string partitionKey, RetailEvent retailEvent)
    {
        var row = WithEvent(new TableEntity(partitionKey, RowKey(retailEvent.EventId)), retailEvent);
        row[StatusProperty] = Pending;
        return row;
    }

    /// <summary>The marker carries the event, so the relay publishes from the marker range alone.</summary>
    public static TableEntity NewMarker(string partitionKey, RetailEvent retailEvent) =>
        WithEvent(new TableEntity(partitionKey, MarkerRowKey(retailEvent.EventId)), retailEvent);

    /// <summary>A new event as a transaction's actions: its row and its pending marker, both inserts (a 409 means the event is recorded).</summary>
    public static IEnumerable<TableTransactionAction> NewEvent(string partitionKey, RetailEvent retailEvent) =>
    [
        new(TableTransactionActionType.Add, NewRow(partitionKey, retailEvent)),
        new(TableTransactionActionType.Add, NewMarker(partitionKey, retailEvent)),
    ];

    /// <summary>Every outbox row of a table, or of one partition; narrowed to pending rows when <paramref name="pendingOnly"/>.</summary>
    public static string Filter(string? partitionKey, bool pendingOnly)
    {
        var filter = KeyRange(partitionKey, RowKeyPrefix, RowKeyEnd);
        return pendingOnly ? filter + " and " + TableClient.CreateQueryFilter($"OutboxStatus eq {Pending}") : filter;
    }

    /// <summary>The pending markers of a table, or of one partition: a key range, so reading them costs what is pending.</summary>
    public static string MarkerFilter(string? partitionKey) => KeyRange(partitionKey, MarkerPrefix, MarkerEnd);

    public static RetailEvent ToEvent(TableEntity entity)
    {
        using var data = JsonDocument.Parse(entity.GetString("Data") ?? "null");
        return new RetailEvent(
            entity.GetString("EventId"),
            entity.GetString("EventType"),
            entity.GetString("AggregateId"),
            entity.GetString("Channel"),
            entity.GetDateTimeOffset("OccurredAt") ?? entity.Timestamp ?? DateTimeOffset.MinValue,
            data.RootElement.Clone(),
            entity.GetString("TraceParent"));
    }

    private static TableEntity WithEvent(TableEntity entity, RetailEvent retailEvent)
    {
        entity["EventId"] = retailEvent.EventId;
        entity["EventType"] = retailEvent.EventType;
        entity["AggregateId"] = retailEvent.AggregateId;
        entity["Channel"] = retailEvent.Channel;
        entity["OccurredAt"] = retailEvent.OccurredAt;
        entity["Data"] = retailEvent.Data.GetRawText();
        entity["TraceParent"] = retailEvent.TraceParent;
        return entity;
    }

    private static string KeyRange(string? partitionKey, string from, string to) => partitionKey is null
        ? TableClient.CreateQueryFilter($"RowKey ge {from} and RowKey lt {to}")
        : TableClient.CreateQueryFilter($"PartitionKey eq {partitionKey} and RowKey ge {from} and RowKey lt {to}");
}
