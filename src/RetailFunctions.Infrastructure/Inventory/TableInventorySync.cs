using Azure;
using Azure.Data.Tables;
using RetailFunctions.Core.Inventory;
using RetailFunctions.Infrastructure.Storage;

namespace RetailFunctions.Infrastructure.Inventory;

/// <summary>
/// Table <c>inventorypending</c>, partition <c>{channel}</c>: one row per SKU waiting to be pushed (touched on every
/// change, so its ETag tells whether it changed during a push). Table <c>inventorysync</c>, partition <c>{channel}</c>:
/// the value each SKU was last confirmed at.
/// </summary>
public sealed class TableInventorySync(StorageClients storage) : IInventorySyncStore
{
    private const int BatchSize = 100;

    private static readonly string[] ListingColumns = ["RowKey", "LastPushed", "LastPushedAt"];

    private readonly TableClient _table = storage.Tables.GetTableClient(StorageNames.InventorySyncTable);
    private readonly TableClient _pending = storage.Tables.GetTableClient(StorageNames.InventoryPendingTable);

    public static string PendingPartition(string channel) => channel;

    public static TableEntity PendingRow(string channel, string sku, DateTimeOffset seenAt) =>
        new(PendingPartition(channel), InventoryKeys.Part(sku)) { ["Sku"] = sku, ["FirstSeenAt"] = seenAt, ["LatestChangeAt"] = seenAt };

    public async Task MarkPendingAsync(string channel, IReadOnlyCollection<string> skus, DateTimeOffset seenAt, CancellationToken cancellationToken)
    {
        foreach (var chunk in skus.Distinct(StringComparer.Ordinal).Chunk(BatchSize))
        {
            await MarkChunkAsync(channel, chunk, seenAt, cancellationToken);
        }
    }

    /// <summary>
    /// One transaction per chunk: new rows record when their change was first seen; rows already pending keep that time
    /// and are only touched, which changes their ETag so a push in flight does not clear them. The first attempt assumes
    /// nothing is pending (the usual case between pushes); when that fails it looks which rows are there and tries again.
    /// </summary>
    private async Task MarkChunkAsync(string channel, string[] skus, DateTimeOffset seenAt, CancellationToken cancellationToken)
    {
        var pending = new HashSet<string>(StringComparer.Ordinal);
        while (true)
        {
            try
            {
                await _pending.SubmitTransactionAsync(
                    skus.Select(sku => pending.Contains(InventoryKeys.Part(sku))
                        ? new TableTransactionAction(
                            TableTransactionActionType.UpdateMerge,
                            new TableEntity(PendingPartition(channel), InventoryKeys.Part(sku)) { ["LatestChangeAt"] = seenAt },
                            ETag.All)
                        : new TableTransactionAction(TableTransactionActionType.Add, PendingRow(channel, sku, seenAt))),
                    cancellationToken);
                return;
            }
            catch (TableTransactionFailedException ex) when (ex.Status is 404 or 409)
            {
                // A row was pending after all (409), or was pushed and cleared since we looked (404): look again.
                pending = await PendingKeysAsync(channel, skus, cancellationToken);
            }
        }
    }

    private async Task<HashSet<string>> PendingKeysAsync(string channel, string[] skus, CancellationToken cancellationToken)
    {
        var keys = skus.Select(InventoryKeys.Part).Order(StringComparer.Ordinal).ToArray();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {PendingPartition(channel)} and RowKey ge {keys[0]} and RowKey le {keys[^1]}");
        var pending = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var row in _pending.QueryAsync<TableEntity>(filter, select: ["RowKey"], cancellationToken: cancellationToken))
        {
            pending.Add(row.RowKey);
        }

        return pending;
    }

    public async Task<IReadOnlyList<PendingChange>> PendingAsync(string channel, int max, CancellationToken cancellationToken)
    {
        var changes = new List<PendingChange>();
        await foreach (var row in _pending.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {PendingPartition(channel)}"), cancellationToken: cancellationToken))
        {
            var firstSeenAt = row.GetDateTimeOffset("FirstSeenAt") ?? row.Timestamp ?? DateTimeOffset.MinValue;
            changes.Add(new PendingChange(row.GetString("Sku"), firstSeenAt, row.ETag.ToString(), row.Timestamp ?? firstSeenAt));
            if (changes.Count >= max)
            {
                break;
            }
        }

        return changes;
    }

    public async Task<IReadOnlyDictionary<string, ChannelListing>> ListingsAsync(string channel, IReadOnlyCollection<string> skus, CancellationToken cancellationToken)
    {
        var rows = await KeyRangeReads.ReadRowsAsync(_table, channel, skus.Select(InventoryKeys.Part), ListingColumns, cancellationToken);
        var listings = new Dictionary<string, ChannelListing>(StringComparer.Ordinal);
        foreach (var sku in skus)
        {
            if (rows.TryGetValue(InventoryKeys.Part(sku), out var row))
            {
                listings[sku] = new ChannelListing(sku, row.GetInt32("LastPushed") ?? 0, row.GetDateTimeOffset("LastPushedAt") ?? DateTimeOffset.MinValue);
            }
        }

        return listings;
    }

    public async Task ConfirmAsync(string channel, IReadOnlyList<PendingPush> pushed, DateTimeOffset confirmedAt, CancellationToken cancellationToken)
    {
        foreach (var chunk in pushed.Chunk(BatchSize))
        {
            await _table.SubmitTransactionAsync(
                chunk.Select(p => new TableTransactionAction(
                    TableTransactionActionType.UpsertReplace,
                    new TableEntity(channel, InventoryKeys.Part(p.Sku))
                    {
                        ["Sku"] = p.Sku,
                        ["LastPushed"] = p.Desired,
                        ["LastPushedAt"] = confirmedAt,
                        ["LastLagMs"] = (long)Math.Max(0, (confirmedAt - p.FirstSeenAt).TotalMilliseconds),
                    })),
                cancellationToken);
        }

        await DropAsync(channel, pushed, cancellationToken);
    }

    public Task DropAsync(string channel, IReadOnlyList<PendingPush> unchanged, CancellationToken cancellationToken) =>
        ConditionalDeletes.DeleteUnchangedAsync(_pending, PendingPartition(channel), unchanged.Select(p => (InventoryKeys.Part(p.Sku), p.Version)).ToArray(), cancellationToken);
}
