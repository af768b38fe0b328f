using Azure;
using Azure.Data.Tables;
using RetailFunctions.Core.Storage;
using RetailFunctions.Core.Webhooks;
using RetailFunctions.Infrastructure.Storage;

namespace RetailFunctions.Infrastructure.Webhooks;

/// <summary>
/// Dedupe on Table insert: the first delivery of an event id wins the row, every other one sees 409.
/// Rows move Pending → Accepted; a Pending row left by a dead handler can be taken over after a while.
/// </summary>
public sealed class TableWebhookReceipts(StorageClients storage) : IWebhookReceipts
{
    private const string Pending = "Pending";
    private const string Accepted = "Accepted";
    private readonly TableClient _table = storage.Tables.GetTableClient(StorageNames.WebhookReceiptsTable);

    public async Task<WebhookReceipt?> TryClaimAsync(
        string channel, string eventId, string topic, string blobPath, DateTimeOffset now, TimeSpan stalePendingAfter, CancellationToken cancellationToken)
    {
        var entity = new TableEntity(channel, StorageKey.Escape(eventId))
        {
            ["Status"] = Pending,
            ["Topic"] = topic,
            ["BlobPath"] = blobPath,
            ["ClaimedAt"] = now,
        };

        try
        {
            var added = await _table.AddEntityAsync(entity, cancellationToken);
            return new WebhookReceipt(channel, eventId, topic, blobPath, now, added.Headers.ETag!.Value.ToString());
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            return await TryTakeOverStaleAsync(entity, eventId, now, stalePendingAfter, cancellationToken);
        }
    }

    public async Task<bool> IsAcceptedAsync(string channel, string eventId, CancellationToken cancellationToken)
    {
        var row = await _table.GetEntityIfExistsAsync<TableEntity>(channel, StorageKey.Escape(eventId), ["Status"], cancellationToken);
        return row.HasValue && row.Value!.GetString("Status") == Accepted;
    }

    public Task MarkAcceptedAsync(WebhookReceipt receipt, CancellationToken cancellationToken) =>
        _table.UpdateEntityAsync(
            new TableEntity(receipt.Channel, StorageKey.Escape(receipt.EventId)) { ["Status"] = Accepted },
            new ETag(receipt.Version),
            TableUpdateMode.Merge,
            cancellationToken);

    public async Task ReleaseAsync(WebhookReceipt receipt, CancellationToken cancellationToken)
    {
        try
        {
            await _table.DeleteEntityAsync(receipt.Channel, StorageKey.Escape(receipt.EventId), new ETag(receipt.Version), cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status is 404 or 412)
        {
            // Already gone or taken over by a newer delivery: nothing of ours left to release.
        }
    }

    private async Task<WebhookReceipt?> TryTakeOverStaleAsync(TableEntity claim, string eventId, DateTimeOffset now, TimeSpan stalePendingAfter, CancellationToken cancellationToken)
    {
        var existing = await _table.GetEntityIfExistsAsync<TableEntity>(claim.PartitionKey, claim.RowKey, cancellationToken: cancellationToken);
        if (!existing.HasValue || existing.Value is not { } row)
        {
            return null;
        }

        var stale = row.GetString("Status") == Pending && row.GetDateTimeOffset("ClaimedAt") < now - stalePendingAfter;
        if (!stale)
        {
            return null;
        }

        try
        {
            var updated = await _table.UpdateEntityAsync(claim, row.ETag, TableUpdateMode.Replace, cancellationToken);
            return new WebhookReceipt(claim.PartitionKey, eventId, claim.GetString("Topic"), claim.GetString("BlobPath"), now, updated.Headers.ETag!.Value.ToString());
        }
        catch (RequestFailedException ex) when (ex.Status == 412)
        {
            return null;
        }
    }
}
