using Azure;
using Azure.Data.Tables;
using Azure.Storage.Queues;
using Microsoft.Extensions.Logging;
using RetailFunctions.Core.Events;
using RetailFunctions.Infrastructure.Storage;

namespace RetailFunctions.Infrastructure.Events;

/// <summary>
/// Commits a state change and the events that announce it (each an outbox row and its pending marker) as one Table
/// transaction in the state row's partition: all are written or none is, so no crash can keep an event without its state or a state without its event.
/// After the commit a nudge (queue message naming the partition) makes the relay publish at once; without it the
/// relay's sweep still finds the rows, later.
/// </summary>
public sealed partial class OutboxTransactions(StorageClients storage, ILogger<OutboxTransactions> logger)
{
    private readonly QueueClient _nudges = storage.Queues.GetQueueClient(StorageNames.OutboxRelayQueue);

    /// <param name="stateChange">The state row's write; its ETag condition, if any, applies to the whole transaction.</param>
    /// <param name="events">
    /// Event ids are deterministic, so a repeated step brings an event that is already in the outbox: that one is left
    /// as it is (pending or sent) and the state change is committed without it.
    /// </param>
    /// <exception cref="RequestFailedException">The state change failed (a 412 when its ETag no longer matches); nothing was written.</exception>
    public async Task CommitAsync(TableClient table, TableTransactionAction stateChange, IReadOnlyCollection<RetailEvent> events, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(stateChange);
        ArgumentNullException.ThrowIfNull(events);
        if (events.Count == 0)
        {
            await WriteAloneAsync(table, stateChange, cancellationToken);
            return;
        }

        var partitionKey = stateChange.Entity.PartitionKey;
        var fresh = events.DistinctBy(e => e.EventId, StringComparer.Ordinal).ToList();
        while (true)
        {
            try
            {
                await table.SubmitTransactionAsync([stateChange, .. fresh.SelectMany(e => OutboxRecords.NewEvent(partitionKey, e))], cancellationToken);
                break;
            }
            catch (TableTransactionFailedException ex) when (ex.Status == 409 && fresh.Count > 0)
            {
                // An event of an earlier run of the same step is there already: find which, and commit without them (row and marker).
                var recorded = await RecordedAsync(table, partitionKey, fresh, cancellationToken);
                if (recorded.Count == 0)
                {
                    throw;
                }

                foreach (var retailEvent in recorded)
                {
                    LogAlreadyRecorded(retailEvent.EventId, retailEvent.EventType);
                }

                fresh.RemoveAll(recorded.Contains);
            }
        }

        if (fresh.Count > 0)
        {
            await NudgeAsync(new OutboxPartition(table.Name, partitionKey), fresh[0].EventId, cancellationToken);
        }
    }

    /// <summary>Asks the relay to publish one partition's pending rows now; a failure only leaves them to the sweep.</summary>
    public async Task NudgeAsync(OutboxPartition partition, string eventId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(partition);
        try
        {
            await _nudges.SendMessageAsync(partition.ToString(), cancellationToken);
        }
        catch (RequestFailedException ex)
        {
            LogNudgeFailed(ex, eventId);
        }
    }

    /// <summary>A state change without events is a single write, as it was before the outbox: no transaction needed.</summary>
    private static Task WriteAloneAsync(TableClient table, TableTransactionAction change, CancellationToken cancellationToken) => change.ActionType switch
    {
        TableTransactionActionType.Add => table.AddEntityAsync(change.Entity, cancellationToken),
        TableTransactionActionType.UpdateReplace => table.UpdateEntityAsync(change.Entity, change.ETag, TableUpdateMode.Replace, cancellationToken),
        TableTransactionActionType.UpdateMerge => table.UpdateEntityAsync(change.Entity, change.ETag, TableUpdateMode.Merge, cancellationToken),
        TableTransactionActionType.UpsertReplace => table.UpsertEntityAsync(change.Entity, TableUpdateMode.Replace, cancellationToken),
        TableTransactionActionType.UpsertMerge => table.UpsertEntityAsync(change.Entity, TableUpdateMode.Merge, cancellationToken),
        _ => throw new ArgumentOutOfRangeException(nameof(change), change.ActionType, "A state change writes its row."),
    };

    private static async Task<List<RetailEvent>> RecordedAsync(TableClient table, string partitionKey, List<RetailEvent> events, CancellationToken cancellationToken)
    {
        var recorded = new List<RetailEvent>();
        foreach (var retailEvent in events)
        {
            var existing = await table.GetEntityIfExistsAsync<TableEntity>(
                partitionKey, OutboxRecords.RowKey(retailEvent.EventId), select: ["EventId"], cancellationToken: cancellationToken);
            if (existing.HasValue)
            {
                recorded.Add(retailEvent);
            }
        }

        return recorded;
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Event {EventId} ({EventType}) is already in the outbox; the state change is committed without it")]
    private partial void LogAlreadyRecorded(string eventId, string eventType);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Event {EventId} is in the outbox but the relay could not be nudged; the sweep will publish it")]
    private partial void LogNudgeFailed(Exception exception, string eventId);
}
