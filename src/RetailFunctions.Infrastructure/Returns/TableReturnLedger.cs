using System.Globalization;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using RetailFunctions.Core.Events;
using RetailFunctions.Core.Returns;
using RetailFunctions.Core.Serialization;
using RetailFunctions.Core.Storage;
using RetailFunctions.Infrastructure.Events;
using RetailFunctions.Infrastructure.Storage;

namespace RetailFunctions.Infrastructure.Returns;

/// <summary>
/// The return ledger in the <c>returns</c> table: partition = returning channel, row = return id. A step that raises an
/// event commits the return row and the event's outbox row in one transaction (same partition).
/// </summary>
public sealed class TableReturnLedger(StorageClients storage, OutboxTransactions outbox, TimeProvider time) : IReturnLedger
{
    private const int MaxAttempts = 8;
    private readonly TableClient _table = storage.Tables.GetTableClient(StorageNames.ReturnsTable);

    public async Task<bool> RecordRequestAsync(ReturnRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var now = time.GetUtcNow();
        try
        {
            await _table.AddEntityAsync(
                new TableEntity(request.Channel, StorageKey.Escape(request.ReturnId))
                {
                    ["ReturnId"] = request.ReturnId,
                    ["Status"] = nameof(ReturnStatus.Received),
                    ["RequestJson"] = JsonSerializer.Serialize(request, RetailJson.Default.ReturnRequest),
                    ["RecordedAt"] = now,
                    ["UpdatedAt"] = now,
                },
                cancellationToken);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            return false;
        }
    }

    public async Task<ReturnRequest?> FindRequestAsync(string channel, string returnId, CancellationToken cancellationToken) =>
        await FindEntityAsync(channel, returnId, cancellationToken) is { } entity ? RequestOf(entity) : null;

    public async Task<ReturnRecord?> FindAsync(string channel, string returnId, CancellationToken cancellationToken)
    {
        if (await FindEntityAsync(channel, returnId, cancellationToken) is not { } entity)
        {
            return null;
        }

        var request = RequestOf(entity);
        return new ReturnRecord(
            request.Channel,
            request.ReturnId,
            Enum.TryParse<ReturnStatus>(entity.GetString("Status"), out var status) ? status : ReturnStatus.Failed,
            request.Order,
            entity.GetString("OrderChannel"),
            entity.GetString("ChannelOrderId"),
            request.Lines,
            request.Location,
            entity.GetString("Currency"),
            entity.GetString("RefundAmount") is { } amount ? decimal.Parse(amount, CultureInfo.InvariantCulture) : null,
            entity.GetString("CreditMemoId"),
            entity.GetString("Reason"),
            request.RequestedAt,
            entity.GetDateTimeOffset("UpdatedAt") ?? entity.Timestamp ?? request.RequestedAt);
    }

    public Task UpdateProgressAsync(string channel, string returnId, ReturnProgress progress, CancellationToken cancellationToken) =>
        UpdateProgressAsync(channel, returnId, progress, [], cancellationToken);

    public Task UpdateProgressAsync(string channel, string returnId, ReturnProgress progress, RetailEvent announcement, CancellationToken cancellationToken) =>
        UpdateProgressAsync(channel, returnId, progress, [announcement], cancellationToken);

    private async Task UpdateProgressAsync(string channel, string returnId, ReturnProgress progress, IReadOnlyCollection<RetailEvent> events, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(progress);
        for (var attempt = 1; ; attempt++)
        {
            var entity = await FindEntityAsync(channel, returnId, cancellationToken)
                ?? throw new InvalidOperationException($"Return {channel}/{returnId} is not in the return ledger.");
            entity["Status"] = progress.Status.ToString();
            entity["Reason"] = progress.Reason;
            entity["UpdatedAt"] = time.GetUtcNow();
            Set(entity, "OrderChannel", progress.OrderChannel);
            Set(entity, "ChannelOrderId", progress.ChannelOrderId);
            Set(entity, "Currency", progress.Currency);
            Set(entity, "RefundAmount", progress.RefundAmount?.ToString(CultureInfo.InvariantCulture));
            Set(entity, "CreditMemoId", progress.CreditMemoId);
            try
            {
                await outbox.CommitAsync(_table, new TableTransactionAction(TableTransactionActionType.UpdateReplace, entity, entity.ETag), events, cancellationToken);
                return;
            }
            catch (RequestFailedException ex) when (ex.Status == 412 && attempt < MaxAttempts)
            {
                // Another step's write won the race: apply this one to the new version.
            }
        }
    }

    private static void Set(TableEntity entity, string key, string? value)
    {
        if (value is not null)
        {
            entity[key] = value;
        }
    }

    private static ReturnRequest RequestOf(TableEntity entity) =>
        JsonSerializer.Deserialize(entity.GetString("RequestJson"), RetailJson.Default.ReturnRequest)
            ?? throw new InvalidOperationException($"Return {entity.PartitionKey}/{entity.RowKey} has no request.");

    private async Task<TableEntity?> FindEntityAsync(string channel, string returnId, CancellationToken cancellationToken)
    {
        var response = await _table.GetEntityIfExistsAsync<TableEntity>(channel.ToLowerInvariant(), StorageKey.Escape(returnId), cancellationToken: cancellationToken);
        return response.HasValue ? response.Value : null;
    }
}
