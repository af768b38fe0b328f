using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Logging;
using RetailFunctions.Core.Events;
using RetailFunctions.Core.Storage;
using RetailFunctions.Infrastructure.Storage;

namespace RetailFunctions.Infrastructure.Events;

/// <summary>
/// The outbox rows of every table in <see cref="OutboxPartition.Tables"/>. Ledgers write theirs next to the state
/// through <see cref="OutboxTransactions"/>; events that have no ledger row of their own (SLA breaches, quiet channels)
/// come through <see cref="PublishAsync"/> into the table <c>outbox</c> (partition = aggregate id), where inserting an
/// event id that is already there is a no-op. Rows go Pending → Sent and stay, which is what <c>GET /api/events/recent</c> lists;
/// the relay reads and leases the pending markers (<see cref="OutboxRecords"/>), which go when their event is sent.
/// </summary>
public sealed partial class TableOutbox(StorageClients storage, OutboxTransactions transactions, TimeProvider time, ILogger<TableOutbox> logger) : IRetailEvents
{
    public async Task PublishAsync(RetailEvent retailEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(retailEvent);
        var partition = new OutboxPartition(StorageNames.OutboxTable, StorageKey.Escape(retailEvent.AggregateId));
        try
        {
            await Table(partition.Table).SubmitTransactionAsync(OutboxRecords.NewEvent(partition.PartitionKey, retailEvent), cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            LogAlreadyRecorded(retailEvent.EventId, retailEvent.EventType);
            return;
        }

        await transactions.NudgeAsync(partition, retailEvent.EventId, cancellationToken);
    }

    /// <summary>
    /// Pending events, oldest first within each aggregate: one partition's when <paramref name="partition"/> is given (a
    /// range query over its markers only, however many events the partition has sent), else every table's. That sweep
    /// is a scan of each table, as Table storage has no secondary index; it is the backstop for a lost nudge, so it runs
    /// rarely and finds little.
    /// </summary>
    public async Task<IReadOnlyList<OutboxRow>> PendingAsync(OutboxPartition? partition, int max, CancellationToken cancellationToken)
    {
        var rows = new List<OutboxRow>();
        foreach (var table in partition is null ? OutboxPartition.Tables : [partition.Table])
        {
            if (partition is null)
            {
                await AddMissingMarkersAsync(table, cancellationToken);
            }

            await foreach (var marker in RowsAsync(table, OutboxRecords.MarkerFilter(partition?.PartitionKey), cancellationToken))
            {
                // Rows come in key order, and one aggregate's event ids share its prefix: finish the aggregate in hand so its events keep their order.
                var aggregateId = marker.GetString("AggregateId");
                if (rows.Count >= max && rows[^1].Event.AggregateId != aggregateId)
                {
                    break;
                }

                rows.Add(new OutboxRow(OutboxRecords.ToEvent(marker), table, marker.PartitionKey, marker.RowKey, marker.ETag, marker.GetDateTimeOffset(OutboxRecords.LeasedUntilProperty)));
            }

            if (rows.Count >= max)
            {
                break;
            }
        }

        return [.. rows.OrderBy(r => r.Event.AggregateId, StringComparer.Ordinal).ThenBy(r => r.Event.OccurredAt).ThenBy(r => r.RowKey, StringComparer.Ordinal)];
    }

    /// <summary>Takes the pending marker for one relay until <paramref name="until"/>; null when another relay changed it first.</summary>
    public async Task<OutboxRow?> TryLeaseAsync(OutboxRow row, DateTimeOffset until, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(row);
        try
        {
            var response = await Table(row.Table).UpdateEntityAsync(
                new TableEntity(row.PartitionKey, row.RowKey) { [OutboxRecords.LeasedUntilProperty] = until }, row.Version, TableUpdateMode.Merge, cancellationToken);
            return row with { Version = response.Headers.ETag!.Value, LeasedUntil = until };
        }
        catch (RequestFailedException ex) when (ex.Status is 404 or 412)
        {
            return null;
        }
    }

    /// <summary>
    /// Marks a leased event sent and deletes its marker, in one transaction; false when the lease was lost meanwhile
    /// (another relay sent it too, under the same message id).
    /// </summary>
    public async Task<bool> TryMarkSentAsync(OutboxRow leased, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(leased);
        try
        {
            await Table(leased.Table).SubmitTransactionAsync(
            [
                new TableTransactionAction(
                    TableTransactionActionType.UpdateMerge,
                    new TableEntity(leased.PartitionKey, OutboxRecords.RowKey(leased.Event.EventId)) { [OutboxRecords.StatusProperty] = OutboxRecords.Sent, [OutboxRecords.SentAtProperty] = time.GetUtcNow() },
                    ETag.All),
                new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(leased.PartitionKey, leased.RowKey), leased.Version),
            ],
            cancellationToken);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status is 404 or 412)
        {
            return false;
        }
    }

    /// <summary>
    /// Rows written before pending markers existed (an upgrade from that version) are Pending without a marker, so no
    /// pass would read them: the sweep gives each its marker and the relay publishes it as any other. Rows whose marker
    /// is there are skipped (a marker added since answers 409). The write is conditional on the row's ETag, so a row
    /// marked sent after this read (its marker deleted) gets no new marker and is not published again.
    /// </summary>
    private async Task AddMissingMarkersAsync(string table, CancellationToken cancellationToken)
    {
        var marked = new HashSet<(string, string)>();
        await foreach (var marker in MissingTable.RowsIfExistsAsync(Table(table), OutboxRecords.MarkerFilter(null), ["PartitionKey", "RowKey"], cancellationToken))
        {
            marked.Add((marker.PartitionKey, marker.RowKey));
        }

        await foreach (var row in RowsAsync(table, OutboxRecords.Filter(null, pendingOnly: true), cancellationToken))
        {
            var retailEvent = OutboxRecords.ToEvent(row);
            if (marked.Contains((row.PartitionKey, OutboxRecords.MarkerRowKey(retailEvent.EventId))))
            {
                continue;
            }

            try
            {
                await Table(table).SubmitTransactionAsync(
                [
                    new TableTransactionAction(TableTransactionActionType.UpdateMerge, new TableEntity(row.PartitionKey, row.RowKey), row.ETag),
                    new TableTransactionAction(TableTransactionActionType.Add, OutboxRecords.NewMarker(row.PartitionKey, retailEvent)),
                ],
                cancellationToken);
                LogMarkerAdded(retailEvent.EventId, table);
            }
            catch (RequestFailedException ex) when (ex.Status is 409 or 412)
            {
                // A marker was added since, or the row was sent since this read: nothing to add.
            }
        }
    }

    /// <summary>The newest <paramref name="limit"/> rows by time of occurrence, for local inspection (scans every outbox table).</summary>
    public async Task<IReadOnlyList<OutboxEntry>> RecentAsync(int limit, CancellationToken cancellationToken)
    {
        var newest = new PriorityQueue<OutboxEntry, DateTimeOffset>(limit + 1);
        foreach (var table in OutboxPartition.Tables)
        {
            await foreach (var entity in RowsAsync(table, OutboxRecords.Filter(null, pendingOnly: false), cancellationToken))
            {
                var entry = new OutboxEntry(OutboxRecords.ToEvent(entity), entity.GetString(OutboxRecords.StatusProperty), entity.GetDateTimeOffset(OutboxRecords.SentAtProperty));
                newest.Enqueue(entry, entry.Event.OccurredAt);
                if (newest.Count > limit)
                {
                    newest.Dequeue();
                }
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

    private TableClient Table(string name) => storage.Tables.GetTableClient(name);

    private IAsyncEnumerable<TableEntity> RowsAsync(string table, string filter, CancellationToken cancellationToken) =>
        MissingTable.RowsIfExistsAsync(Table(table), filter, null, cancellationToken);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Event {EventId} ({EventType}) is already in the outbox; nothing written")]
    private partial void LogAlreadyRecorded(string eventId, string eventType);

    [LoggerMessage(Level = LogLevel.Information, Message = "Event {EventId} in {Table} was pending without a marker (written before markers existed); marker added for the relay")]
    private partial void LogMarkerAdded(string eventId, string table);
}
