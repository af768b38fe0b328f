using System.Text.Json;
using Azure.Data.Tables;
using RetailFunctions.Core.Events;
using RetailFunctions.Core.Storage;

namespace RetailFunctions.Infrastructure.Events;

/// <summary>
/// How an outbox row looks in whichever table holds it: next to the state it reports, same partition, row key
/// <c>outbox|{event id}</c>. The status property is <c>OutboxStatus</c>, not <c>Status</c>, so that scans of a ledger
/// that count rows by <c>Status</c> (the operations page) never mistake an outbox row for an order.
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

    public static string RowKey(string eventId) => RowKeyPrefix + StorageKey.Escape(eventId);

    /// <summary>Whether a row of a ledger table is one of its outbox rows rather than the ledger's own.</summary>
    public static bool IsOutboxRow(string rowKey) => rowKey.StartsWith(RowKeyPrefix, StringComparison.Ordinal);

    public static TableEntity NewRow(string partitionKey, RetailEvent retailEvent) =>
        new(partitionKey, RowKey(retailEvent.EventId))
        {
            ["EventId"] = retailEvent.EventId,
            ["EventType"] = retailEvent.EventType,
            ["AggregateId"] = retailEvent.AggregateId,
            ["Channel"] = retailEvent.Channel,
            ["OccurredAt"] = retailEvent.OccurredAt,
            ["Data"] = retailEvent.Data.GetRawText(),
            ["TraceParent"] = retailEvent.TraceParent,
            [StatusProperty] = Pending,
        };

    /// <summary>Every outbox row of a table, or of one partition; narrowed to pending rows when <paramref name="pendingOnly"/>.</summary>
    public static string Filter(string? partitionKey, bool pendingOnly)
    {
        var filter = partitionKey is null
            ? TableClient.CreateQueryFilter($"RowKey ge {RowKeyPrefix} and RowKey lt {RowKeyEnd}")
            : TableClient.CreateQueryFilter($"PartitionKey eq {partitionKey} and RowKey ge {RowKeyPrefix} and RowKey lt {RowKeyEnd}");
        return pendingOnly ? filter + " and " + TableClient.CreateQueryFilter($"OutboxStatus eq {Pending}") : filter;
    }

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
}
