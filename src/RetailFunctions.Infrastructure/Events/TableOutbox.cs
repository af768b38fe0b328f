using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Azure.Storage.Queues;
using Microsoft.Extensions.Logging;
using RetailFunctions.Core.Events;
using RetailFunctions.Core.Storage;
using RetailFunctions.Infrastructure.Storage;

namespace RetailFunctions.Infrastructure.Events;

/// <summary>
/// The outbox (table <c>outbox</c>, partition = aggregate id, row = event id). Publishing only writes the row, so an
/// event is as durable as the state change that raised it; inserting an event id that is already there is a no-op.
/// Rows go Pending → Sent and stay, which is what <c>GET /api/events/recent</c> lists.
/// </summary>
public sealed partial class TableOutbox(StorageClients storage, TimeProvider time, ILogger<TableOutbox> logger) : IRetailEvents
{
    public const string Pending = "Pending";
    public const string Sent = "Sent";

    private readonly TableClient _table = storage.Tables.GetTableClient(StorageNames.OutboxTable);
    private readonly QueueClient _nudges = storage.Queues.GetQueueClient(StorageNames.OutboxRelayQueue);

    public async Task PublishAsync(RetailEvent retailEvent, CancellationToken cancellationToken)
    {
        var entity = new TableEntity(StorageKey.Escape(retailEvent.AggregateId), StorageKey.Escape(retailEvent.EventId))
        {
            ["EventId"] = retailEvent.EventId,
            ["EventType"] = retailEvent.EventType,
            ["AggregateId"] = retailEvent.AggregateId,
            ["Channel"] = retailEvent.Channel,
            ["OccurredAt"] = retailEvent.OccurredAt,
            ["Data"] = retailEvent.Data.GetRawText(),
            ["TraceParent"] = retailEvent.TraceParent,
            ["Status"] = Pending,
        };
        try
        {
            await _table.AddEntityAsync(entity, cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            LogAlreadyRecorded(retailEvent.EventId, retailEvent.EventType);
            return;
        }

        await NudgeAsync(retailEvent, cancellationToken);
    }

    /// <summary>Pending rows, oldest first within each aggregate; one aggregate's only when <paramref name="aggregateId"/> is given.</summary>
    public async Task<IReadOnlyList<OutboxRow>> PendingAsync(string? aggregateId, int max, CancellationToken cancellationToken)
    {
        var filter = aggregateId is null
            ? TableClient.CreateQueryFilter($"Status eq {Pending}")
            : TableClient.CreateQueryFilter($"PartitionKey eq {StorageKey.Escape(aggregateId)} and Status eq {Pending}");
        var rows = new List<OutboxRow>();
        await foreach (var entity in _table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            // Rows come in key order, not time order: finish the aggregate in hand so its events keep their order.
            if (rows.Count >= max && rows[^1].PartitionKey != entity.PartitionKey)
            {
                break;
            }

            rows.Add(new OutboxRow(ToEvent(entity), entity.PartitionKey, entity.RowKey, entity.ETag, entity.GetDateTimeOffset("LeasedUntil")));
        }

        return [.. rows.OrderBy(r => r.PartitionKey, StringComparer.Ordinal).ThenBy(r => r.Event.OccurredAt).ThenBy(r => r.RowKey, StringComparer.Ordinal)];
    }

    /// <summary>Takes the row for one relay until <paramref name="until"/>; null when another relay changed it first.</summary>
    public async Task<OutboxRow?> TryLeaseAsync(OutboxRow row, DateTimeOffset until, CancellationToken cancellationToken)
    {
        try
        {
            var response = await _table.UpdateEntityAsync(
                new TableEntity(row.PartitionKey, row.RowKey) { ["LeasedUntil"] = until }, row.Version, TableUpdateMode.Merge, cancellationToken);
            return row with { Version = response.Headers.ETag!.Value, LeasedUntil = until };
        }
        catch (RequestFailedException ex) when (ex.Status is 404 or 412)
        {
            return null;
        }
    }

    /// <summary>Marks a leased row sent; false when the lease was lost meanwhile (another relay sent it too, under the same message id).</summary>
    public async Task<bool> TryMarkSentAsync(OutboxRow leased, CancellationToken cancellationToken)
    {
        try
        {
            await _table.UpdateEntityAsync(
                new TableEntity(leased.PartitionKey, leased.RowKey) { ["Status"] = Sent, ["SentAt"] = time.GetUtcNow() },
                leased.Version,
                TableUpdateMode.Merge,
                cancellationToken);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status is 404 or 412)
        {
            return false;
        }
    }

    /// <summary>The newest <paramref name="limit"/> rows by time of occurrence, for local inspection.</summary>
    public async Task<IReadOnlyList<OutboxEntry>> RecentAsync(int limit, CancellationToken cancellationToken)
    {
        var newest = new PriorityQueue<OutboxEntry, DateTimeOffset>(limit + 1);
        await foreach (var entity in _table.QueryAsync<TableEntity>(cancellationToken: cancellationToken))
        {
            var entry = new OutboxEntry(ToEvent(entity), entity.GetString("Status"), entity.GetDateTimeOffset("SentAt"));
            newest.Enqueue(entry, entry.Event.OccurredAt);
            if (newest.Count > limit)
            {
                newest.Dequeue();
            }
        }

        var entries = new List<OutboxEntry>(newest.Count);
        while (newest.TryDequeue(out var entry, out _))
        {
            entries.Add(entry);
        }

        entries.Reverse();
        return entries;
    }

    private async Task NudgeAsync(RetailEvent retailEvent, CancellationToken cancellationToken)
    {
        try
        {
            await _nudges.SendMessageAsync(retailEvent.AggregateId, cancellationToken);
        }
        catch (RequestFailedException ex)
        {
            // The row is the record and the timer sweep publishes it; the nudge only makes that sooner.
            LogNudgeFailed(ex, retailEvent.EventId);
        }
    }

    private static RetailEvent ToEvent(TableEntity entity)
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

    [LoggerMessage(Level = LogLevel.Debug, Message = "Event {EventId} ({EventType}) is already in the outbox; nothing written")]
    private partial void LogAlreadyRecorded(string eventId, string eventType);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Event {EventId} is in the outbox but the relay could not be nudged; the timer will publish it")]
    private partial void LogNudgeFailed(Exception exception, string eventId);
}
