using Azure;
using Azure.Data.Tables;
using RetailFunctions.Core.Inventory;
using RetailFunctions.Infrastructure.Storage;

namespace RetailFunctions.Infrastructure.Inventory;

/// <summary>
/// The <c>inventorysync</c> table. Partition <c>pending|{channel}</c>: one row per SKU waiting to be pushed (touched on
/// every change, so its ETag tells whether it changed during a push). Partition <c>{channel}</c>: the value each SKU was
/// last confirmed at.
/// </summary>
public sealed class TableInventorySync(StorageClients storage) : IInventorySyncStore
{
    private const int BatchSize = 100;
    private const int Parallelism = 16;

    private readonly TableClient _table = storage.Tables.GetTableClient(StorageNames.InventorySyncTable);

    public static string PendingPartition(string channel) => "pending|" + channel;

    public static TableEntity PendingRow(string channel, string sku, DateTimeOffset seenAt) =>
        new(PendingPartition(channel), InventoryKeys.Part(sku)) { ["Sku"] = sku, ["FirstSeenAt"] = seenAt, ["LatestChangeAt"] = seenAt };

    public async Task MarkPendingAsync(string channel, string sku, DateTimeOffset seenAt, CancellationToken cancellationToken)
    {
        while (true)
        {
            try
            {
                await _table.AddEntityAsync(PendingRow(channel, sku, seenAt), cancellationToken);
                return;
            }
            catch (RequestFailedException ex) when (ex.Status == 409)
            {
                // Already pending: keep its first-seen time, but touch it so a push in flight does not clear it.
            }

            try
            {
                await _table.UpdateEntityAsync(
                    new TableEntity(PendingPartition(channel), InventoryKeys.Part(sku)) { ["LatestChangeAt"] = seenAt },
                    ETag.All,
                    TableUpdateMode.Merge,
                    cancellationToken);
                return;
            }
            catch (RequestFailedException ex) when (ex.Status == 404)
            {
                // Confirmed and cleared in between: add it afresh.
            }
        }
    }

    public async Task<IReadOnlyList<PendingChange>> PendingAsync(string channel, int max, CancellationToken cancellationToken)
    {
        var changes = new List<PendingChange>();
        await foreach (var row in _table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {PendingPartition(channel)}"), cancellationToken: cancellationToken))
        {
            changes.Add(new PendingChange(row.GetString("Sku"), row.GetDateTimeOffset("FirstSeenAt") ?? row.Timestamp ?? DateTimeOffset.MinValue, row.ETag.ToString()));
            if (changes.Count >= max)
            {
                break;
            }
        }

        return changes;
    }

    public async Task<IReadOnlyDictionary<string, ChannelListing>> ListingsAsync(string channel, IReadOnlyCollection<string> skus, CancellationToken cancellationToken)
    {
        var listings = new System.Collections.Concurrent.ConcurrentDictionary<string, ChannelListing>(StringComparer.Ordinal);
        await Parallel.ForEachAsync(
            skus,
            new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellationToken },
            async (sku, token) =>
            {
                var found = await _table.GetEntityIfExistsAsync<TableEntity>(channel, InventoryKeys.Part(sku), cancellationToken: token);
                if (found.HasValue && found.Value is { } row)
                {
                    listings[sku] = new ChannelListing(sku, row.GetInt32("LastPushed") ?? 0, row.GetDateTimeOffset("LastPushedAt") ?? DateTimeOffset.MinValue);
                }
            });
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
        ConditionalDeletes.DeleteUnchangedAsync(_table, PendingPartition(channel), unchanged.Select(p => (InventoryKeys.Part(p.Sku), p.Version)).ToArray(), cancellationToken);
}
