using System.IO.Compression;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using RetailFunctions.Core.Events;
using RetailFunctions.Core.Orders;
using RetailFunctions.Core.Serialization;
using RetailFunctions.Core.Shipments;
using RetailFunctions.Core.Storage;
using RetailFunctions.Infrastructure.Events;
using RetailFunctions.Infrastructure.Storage;

namespace RetailFunctions.Infrastructure.Orders;

/// <summary>
/// The order ledger in Table storage: partition = channel, row = channel order id. Writes use ETags,
/// so concurrent deliveries of the same order serialize instead of overwriting each other. Order numbers (Shopify's
/// <c>#1001</c>, which settlement files use) are indexed in <c>ordernumbers</c>: partition = channel, row = order number.
/// A step that raises an event commits the order row and the event's outbox row in one transaction (same partition).
/// </summary>
public sealed class TableOrderLedger(StorageClients storage, OutboxTransactions outbox, TimeProvider time) : IOrderLedger
{
    private const int MaxAttempts = 8;
    private readonly TableClient _table = storage.Tables.GetTableClient(StorageNames.OrdersTable);
    private readonly TableClient _orderNumbers = storage.Tables.GetTableClient(StorageNames.OrderNumbersTable);

    public async Task<LedgerChange> RecordAsync(CanonicalOrder order, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var change = await TryRecordAsync(order, cancellationToken);
                // Also for a stale version: a retry after a failure between the two writes completes the index.
                await IndexOrderNumberAsync(order, cancellationToken);
                return change;
            }
            catch (RequestFailedException ex) when (ex.Status is 409 or 412 && attempt < MaxAttempts)
            {
                // Lost a race with another delivery of the same order: read again and re-decide.
            }
        }
    }

    public async Task RecordFailureAsync(string channel, string channelOrderId, string reason, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var existing = await FindEntityAsync(channel, channelOrderId, cancellationToken);
                if (existing is null)
                {
                    var entity = new TableEntity(channel, StorageKey.Escape(channelOrderId))
                    {
                        ["ChannelOrderId"] = channelOrderId,
                        ["Status"] = nameof(OrderStatus.Failed),
                        ["FailureReason"] = reason,
                        ["RecordedAt"] = time.GetUtcNow(),
                    };
                    await _table.AddEntityAsync(entity, cancellationToken);
                    return;
                }

                if (StatusOf(existing) is not (OrderStatus.Received or OrderStatus.Failed))
                {
                    return;
                }

                existing["Status"] = nameof(OrderStatus.Failed);
                existing["FailureReason"] = reason;
                await _table.UpdateEntityAsync(existing, existing.ETag, TableUpdateMode.Replace, cancellationToken);
                return;
            }
            catch (RequestFailedException ex) when (ex.Status is 409 or 412 && attempt < MaxAttempts)
            {
            }
        }
    }

    public async Task<OrderRecord?> FindAsync(string channel, string channelOrderId, CancellationToken cancellationToken)
    {
        var entity = await FindEntityAsync(channel, channelOrderId, cancellationToken);
        return entity is null ? null : ToRecord(entity);
    }

    public async Task<CanonicalOrder?> FindCanonicalAsync(string channel, string channelOrderId, CancellationToken cancellationToken)
    {
        var entity = await FindEntityAsync(channel, channelOrderId, cancellationToken);
        return entity?.GetBinary("OrderGz") is { } gz ? JsonSerializer.Deserialize(Decompress(gz), RetailJson.Default.CanonicalOrder) : null;
    }

    public Task UpdateProgressAsync(string channel, string channelOrderId, OrderProgress progress, CancellationToken cancellationToken) =>
        UpdateProgressAsync(channel, channelOrderId, progress, [], cancellationToken);

    public Task UpdateProgressAsync(string channel, string channelOrderId, OrderProgress progress, RetailEvent announcement, CancellationToken cancellationToken) =>
        UpdateProgressAsync(channel, channelOrderId, progress, [announcement], cancellationToken);

    private Task UpdateProgressAsync(string channel, string channelOrderId, OrderProgress progress, IReadOnlyCollection<RetailEvent> events, CancellationToken cancellationToken) =>
        UpdateAsync(channel, channelOrderId, events, entity =>
        {
            entity["Status"] = progress.Status.ToString();
            entity["FailureReason"] = progress.Status == OrderStatus.Failed ? progress.FailureReason : null;
            if (progress.ErpOrderId is not null)
            {
                entity["ErpOrderId"] = progress.ErpOrderId;
            }

            if (progress.Alert is not null)
            {
                entity["Alert"] = progress.Alert;
            }

            return true;
        }, cancellationToken);

    public async Task<IReadOnlyList<OrderShipment>> AddShipmentAsync(string channel, string channelOrderId, OrderShipment shipment, CancellationToken cancellationToken)
    {
        List<OrderShipment> shipments = [];
        await UpdateAsync(channel, channelOrderId, entity =>
        {
            shipments = ShipmentsOf(entity);
            if (shipments.Any(s => s.ShipmentId == shipment.ShipmentId))
            {
                return false;
            }

            shipments.Add(shipment);
            entity["ShipmentsJson"] = JsonSerializer.Serialize(shipments, RetailJson.Default.ListOrderShipment);
            return true;
        }, cancellationToken);
        return shipments;
    }

    public async Task<bool> RecordTrackingAsync(string channel, string channelOrderId, TrackingEvent tracking, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(tracking);
        if (await FindEntityAsync(channel, channelOrderId, cancellationToken) is null)
        {
            return false;
        }

        await UpdateAsync(channel, channelOrderId, entity =>
        {
            var statuses = TrackingOf(entity);
            var current = statuses.Find(t => t.TrackingNumber == tracking.TrackingNumber);
            if (!TrackingProgress.Supersedes(tracking, current))
            {
                return false;
            }

            statuses.RemoveAll(t => t.TrackingNumber == tracking.TrackingNumber);
            statuses.Add(tracking);
            entity["TrackingJson"] = JsonSerializer.Serialize(statuses, RetailJson.Default.ListTrackingEvent);
            return true;
        }, cancellationToken);
        return true;
    }

    public async Task<string?> AcceptReturnAsync(
        string channel, string channelOrderId, OrderReturn orderReturn, Func<OrderRecord, string?> refusal, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(orderReturn);
        ArgumentNullException.ThrowIfNull(refusal);
        string? reason = null;
        await UpdateAsync(channel, channelOrderId, entity =>
        {
            var returns = ReturnsOf(entity);
            if (returns.Any(r => r.ReturnKey == orderReturn.ReturnKey))
            {
                reason = null;
                return false;
            }

            reason = refusal(ToRecord(entity));
            if (reason is not null)
            {
                return false;
            }

            returns.Add(orderReturn);
            entity["ReturnsJson"] = JsonSerializer.Serialize(returns, RetailJson.Default.ListOrderReturn);
            return true;
        }, cancellationToken);
        return reason;
    }

    private Task UpdateAsync(string channel, string channelOrderId, Func<TableEntity, bool> change, CancellationToken cancellationToken) =>
        UpdateAsync(channel, channelOrderId, [], change, cancellationToken);

    /// <param name="events">Committed with the row, in the same transaction.</param>
    /// <param name="change">Changes the row; false when there is nothing to write.</param>
    private async Task UpdateAsync(string channel, string channelOrderId, IReadOnlyCollection<RetailEvent> events, Func<TableEntity, bool> change, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var entity = await FindEntityAsync(channel, channelOrderId, cancellationToken)
                ?? throw new InvalidOperationException($"Order {channel}/{channelOrderId} is not in the ledger.");
            if (!change(entity))
            {
                return;
            }

            try
            {
                await outbox.CommitAsync(_table, new TableTransactionAction(TableTransactionActionType.UpdateReplace, entity, entity.ETag), events, cancellationToken);
                return;
            }
            catch (RequestFailedException ex) when (ex.Status == 412 && attempt < MaxAttempts)
            {
                // Ingestion wrote the row meanwhile (an orders/updated delivery): apply the step to the new version.
            }
        }
    }

    private static List<OrderShipment> ShipmentsOf(TableEntity entity) =>
        entity.GetString("ShipmentsJson") is { Length: > 0 } json
            ? JsonSerializer.Deserialize(json, RetailJson.Default.ListOrderShipment) ?? []
            : [];

    private static List<TrackingEvent> TrackingOf(TableEntity entity) =>
        entity.GetString("TrackingJson") is { Length: > 0 } json
            ? JsonSerializer.Deserialize(json, RetailJson.Default.ListTrackingEvent) ?? []
            : [];

    private static List<OrderReturn> ReturnsOf(TableEntity entity) =>
        entity.GetString("ReturnsJson") is { Length: > 0 } json
            ? JsonSerializer.Deserialize(json, RetailJson.Default.ListOrderReturn) ?? []
            : [];

    /// <summary>Each shipment and parcel shows its carrier's latest status, whichever arrived first.</summary>
    private static List<OrderShipment> WithTracking(List<OrderShipment> shipments, List<TrackingEvent> tracking)
    {
        if (tracking.Count == 0)
        {
            return shipments;
        }

        var byNumber = tracking.ToDictionary(t => t.TrackingNumber, StringComparer.Ordinal);
        return shipments.Select(s => s with
        {
            Tracking = s.TrackingNumber is { } number ? byNumber.GetValueOrDefault(number) : null,
            Packages = s.Packages?.Select(p => p with { Tracking = p.TrackingNumber is { } number ? byNumber.GetValueOrDefault(number) : null }).ToList(),
        }).ToList();
    }

    private async Task IndexOrderNumberAsync(CanonicalOrder order, CancellationToken cancellationToken)
    {
        if (order.OrderNumber is not { Length: > 0 } number || number == order.ChannelOrderId)
        {
            return;
        }

        await _orderNumbers.UpsertEntityAsync(
            new TableEntity(order.Channel, StorageKey.Escape(number)) { ["ChannelOrderId"] = order.ChannelOrderId },
            TableUpdateMode.Replace,
            cancellationToken);
    }

    private async Task<LedgerChange> TryRecordAsync(CanonicalOrder order, CancellationToken cancellationToken)
    {
        var existing = await FindEntityAsync(order.Channel, order.ChannelOrderId, cancellationToken);
        if (existing is null)
        {
            var created = new TableEntity(order.Channel, StorageKey.Escape(order.ChannelOrderId))
            {
                ["ChannelOrderId"] = order.ChannelOrderId,
                ["Status"] = OrderLedgerRule.InitialStatus(order).ToString(),
                ["RecordedAt"] = time.GetUtcNow(),
                ["ShipmentsJson"] = "[]",
            };
            WriteOrder(created, order);
            await _table.AddEntityAsync(created, cancellationToken);
            return LedgerChange.Created;
        }

        var status = StatusOf(existing);
        var storedVersion = existing.GetDateTimeOffset("UpdatedAt") ?? existing.GetDateTimeOffset("PlacedAt");
        if (OrderLedgerRule.IsStale(status, storedVersion, order))
        {
            return LedgerChange.Stale;
        }

        WriteOrder(existing, order);
        existing["Status"] = OrderLedgerRule.NextStatus(status, order).ToString();
        existing["FailureReason"] = status == OrderStatus.Failed ? null : existing.GetString("FailureReason");
        await _table.UpdateEntityAsync(existing, existing.ETag, TableUpdateMode.Replace, cancellationToken);
        return LedgerChange.Updated;
    }

    private static void WriteOrder(TableEntity entity, CanonicalOrder order)
    {
        entity["OrderNumber"] = order.OrderNumber;
        entity["Currency"] = order.Currency;
        entity["PlacedAt"] = order.PlacedAt;
        entity["UpdatedAt"] = order.UpdatedAt;
        entity["CancelledAt"] = order.CancelledAt;
        entity["Total"] = order.Totals.Total.ToString(System.Globalization.CultureInfo.InvariantCulture);
        // Compressed so that large orders stay well inside the 64 KiB property limit.
        entity["OrderGz"] = Compress(JsonSerializer.SerializeToUtf8Bytes(order, RetailJson.Default.CanonicalOrder));
    }

    private async Task<TableEntity?> FindEntityAsync(string channel, string channelOrderId, CancellationToken cancellationToken)
    {
        var response = await _table.GetEntityIfExistsAsync<TableEntity>(channel, StorageKey.Escape(channelOrderId), cancellationToken: cancellationToken);
        return response.HasValue ? response.Value : null;
    }

    private static OrderStatus StatusOf(TableEntity entity) =>
        Enum.TryParse<OrderStatus>(entity.GetString("Status"), out var status) ? status : OrderStatus.Failed;

    private static OrderRecord ToRecord(TableEntity entity)
    {
        var order = entity.GetBinary("OrderGz") is { } gz
            ? JsonSerializer.Deserialize(Decompress(gz), RetailJson.Default.CanonicalOrder)
            : null;
        var tracking = TrackingOf(entity);
        var shipments = WithTracking(ShipmentsOf(entity), tracking);
        return new OrderRecord(
            entity.PartitionKey,
            entity.GetString("ChannelOrderId") ?? entity.RowKey,
            entity.GetString("OrderNumber"),
            StatusOf(entity),
            entity.GetString("Currency"),
            order?.Lines ?? [],
            order?.Totals,
            entity.GetString("ErpOrderId"),
            shipments,
            entity.GetString("FailureReason"),
            entity.GetDateTimeOffset("PlacedAt"),
            entity.GetDateTimeOffset("UpdatedAt"),
            entity.GetDateTimeOffset("CancelledAt"),
            entity.GetDateTimeOffset("RecordedAt") ?? entity.Timestamp ?? DateTimeOffset.MinValue,
            entity.GetString("Alert"),
            tracking,
            ReturnsOf(entity));
    }

    private static byte[] Compress(byte[] data)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest))
        {
            gzip.Write(data);
        }

        return output.ToArray();
    }

    private static byte[] Decompress(byte[] data)
    {
        using var input = new GZipStream(new MemoryStream(data), CompressionMode.Decompress);
        using var output = new MemoryStream();
        input.CopyTo(output);
        return output.ToArray();
    }
}
