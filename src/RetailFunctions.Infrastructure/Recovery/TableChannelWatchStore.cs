using System.Collections.Concurrent;
using Azure;
using Azure.Data.Tables;
using RetailFunctions.Core.Recovery;
using RetailFunctions.Infrastructure.Storage;

namespace RetailFunctions.Infrastructure.Recovery;

/// <summary>
/// One row per channel (table <c>channelwatch</c>). Each writer merges only its own columns, so the webhook gate
/// noting signs of life and the poller moving the watermark never overwrite each other.
/// </summary>
public sealed class TableChannelWatchStore(StorageClients storage, TimeProvider time) : IChannelWatchStore
{
    private const string Row = "watch";

    /// <summary>A sign of life is written at most this often per instance: busy channels must not pay a write per webhook.</summary>
    private static readonly TimeSpan SignOfLifeResolution = TimeSpan.FromSeconds(10);

    private readonly TableClient _table = storage.Tables.GetTableClient(StorageNames.ChannelWatchTable);
    private readonly ConcurrentDictionary<string, DateTimeOffset> _lastWritten = new(StringComparer.Ordinal);

    public async Task<ChannelWatch> GetAsync(string channel, CancellationToken cancellationToken)
    {
        var row = await _table.GetEntityIfExistsAsync<TableEntity>(channel, Row, cancellationToken: cancellationToken);
        return row.HasValue && row.Value is { } entity ? ToWatch(entity) : ChannelWatch.None(channel);
    }

    public Task<IReadOnlyList<ChannelWatch>> ListAsync(CancellationToken cancellationToken) =>
        MissingTable.EmptyIfMissingAsync<ChannelWatch>(async () =>
        {
            var watches = new List<ChannelWatch>();
            await foreach (var entity in _table.QueryAsync<TableEntity>(cancellationToken: cancellationToken))
            {
                watches.Add(ToWatch(entity));
            }

            return watches;
        });

    public async Task RecordWebhookAsync(string channel, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (_lastWritten.TryGetValue(channel, out var written) && now - written < SignOfLifeResolution)
        {
            return;
        }

        _lastWritten[channel] = now;
        await MergeAsync(channel, new TableEntity { ["LastWebhookAt"] = at }, cancellationToken);
    }

    public async Task RecordPollAsync(ChannelWatch before, DateTimeOffset watermark, DateTimeOffset polledAt, int recovered, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(before);
        var update = new TableEntity
        {
            ["Watermark"] = watermark,
            ["LastPolledAt"] = polledAt,
            ["RecoveredOrders"] = before.RecoveredOrders + recovered,
        };
        if (before.WatchingSince is null)
        {
            update["WatchingSince"] = polledAt;
        }

        await MergeAsync(before.Channel, update, cancellationToken);
    }

    public Task RecordQuietAlertAsync(string channel, DateTimeOffset at, CancellationToken cancellationToken) =>
        MergeAsync(channel, new TableEntity { ["QuietAlertAt"] = at }, cancellationToken);

    private async Task MergeAsync(string channel, TableEntity update, CancellationToken cancellationToken)
    {
        update.PartitionKey = channel;
        update.RowKey = Row;
        try
        {
            await _table.UpsertEntityAsync(update, TableUpdateMode.Merge, cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            await _table.CreateIfNotExistsAsync(cancellationToken);
            await _table.UpsertEntityAsync(update, TableUpdateMode.Merge, cancellationToken);
        }
    }

    private static ChannelWatch ToWatch(TableEntity entity) => new(
        entity.PartitionKey,
        entity.GetDateTimeOffset("Watermark"),
        entity.GetDateTimeOffset("LastPolledAt"),
        entity.GetDateTimeOffset("LastWebhookAt"),
        entity.GetDateTimeOffset("WatchingSince"),
        entity.GetDateTimeOffset("QuietAlertAt"),
        entity.GetInt64("RecoveredOrders") ?? 0);
}
