using System.Text.Json;
using Azure.Data.Tables;
using Microsoft.Extensions.Logging;
using RetailFunctions.Core.Inventory;
using RetailFunctions.Infrastructure.Storage;

namespace RetailFunctions.Infrastructure.Inventory;

/// <summary>
/// Reservations as holds: a hold row per order, SKU and location sits in the SKU's partition next to the position, and
/// raising the position's reserved count and writing the hold is one transaction guarded by the position's ETag. So
/// reserved never exceeds on-hand however many orders race, and a retried call finds its hold and does nothing twice.
/// A reservation record per order lists its lines, so a release knows where the holds are.
/// </summary>
public sealed partial class TableInventoryReservations(
    StorageClients storage,
    InventoryAvailability availability,
    TimeProvider time,
    ILogger<TableInventoryReservations> logger) : IInventoryReservations
{
    private const string Reserving = "Reserving";
    private const string Reserved = "Reserved";
    private const string Released = "Released";

    private readonly TableClient _table = storage.Tables.GetTableClient(StorageNames.InventoryTable);

    public async Task<ReservationResult> ReserveAsync(ReservationRequest request, CancellationToken cancellationToken)
    {
        var lines = Merge(request.Lines);
        var record = await RecordAsync(request.OrderKey, cancellationToken);
        if (record?.Status == Reserved)
        {
            await availability.MarkChangedAsync(lines.Select(l => l.Sku), time.GetUtcNow(), cancellationToken);
            return new ReservationResult(true, null, []);
        }

        // Checked before any hold is taken, so an order that cannot be served never holds stock another order could use.
        var shortages = await ShortagesAsync(request.OrderKey, lines, cancellationToken);
        if (shortages.Count > 0)
        {
            return Short(request.OrderKey, shortages);
        }

        await SaveRecordAsync(request.OrderKey, request.Channel, Union(record?.Lines, lines), Reserving, cancellationToken);
        foreach (var line in lines)
        {
            if (await HoldAsync(request.OrderKey, line, cancellationToken) is { } shortage)
            {
                // Another order took the stock between the check and the hold.
                await ReleaseLinesAsync(request.OrderKey, lines, cancellationToken);
                await SaveRecordAsync(request.OrderKey, request.Channel, Union(record?.Lines, lines), Released, cancellationToken);
                await availability.MarkChangedAsync(lines.Select(l => l.Sku), time.GetUtcNow(), cancellationToken);
                return Short(request.OrderKey, [shortage]);
            }
        }

        await SaveRecordAsync(request.OrderKey, request.Channel, Union(record?.Lines, lines), Reserved, cancellationToken);
        await availability.MarkChangedAsync(lines.Select(l => l.Sku), time.GetUtcNow(), cancellationToken);
        LogReserved(request.OrderKey, lines.Count);
        return new ReservationResult(true, null, []);
    }

    public async Task ReleaseAsync(string orderKey, CancellationToken cancellationToken)
    {
        if (await RecordAsync(orderKey, cancellationToken) is not { } record)
        {
            return;
        }

        await ReleaseLinesAsync(orderKey, record.Lines, cancellationToken);
        await SaveRecordAsync(orderKey, record.Channel, record.Lines, Released, cancellationToken);
        await availability.MarkChangedAsync(record.Lines.Select(l => l.Sku), time.GetUtcNow(), cancellationToken);
        LogReleased(orderKey, record.Lines.Count);
    }

    public async Task ConsumeAsync(string orderKey, string consumptionId, IReadOnlyList<ReservationLine> lines, CancellationToken cancellationToken)
    {
        var merged = Merge(lines);
        foreach (var line in merged)
        {
            await OptimisticConcurrency.RunAsync(() => ConsumeLineAsync(orderKey, consumptionId, line, cancellationToken), cancellationToken);
        }

        await availability.MarkChangedAsync(merged.Select(l => l.Sku), time.GetUtcNow(), cancellationToken);
    }

    private async Task<bool> ConsumeLineAsync(string orderKey, string consumptionId, ReservationLine line, CancellationToken cancellationToken)
    {
        var partition = InventoryKeys.Part(line.Sku);
        var markerKey = InventoryKeys.Consumption(line.Location, orderKey, consumptionId);
        if (await GetAsync(partition, markerKey, cancellationToken) is not null)
        {
            return false;
        }

        var entity = await GetAsync(partition, InventoryKeys.Position(line.Location), cancellationToken);
        var hold = await GetAsync(partition, InventoryKeys.Hold(line.Location, orderKey), cancellationToken);
        var position = entity is null ? StockPosition.Empty(line.Sku, line.Location) : PositionEntity.ToPosition(entity);
        var held = hold?.GetInt32("Quantity") ?? 0;
        var fromHold = Math.Min(line.Quantity, held);
        var actions = new List<TableTransactionAction>
        {
            PositionEntity.Write(entity, position with { OnHand = position.OnHand - line.Quantity, Reserved = position.Reserved - fromHold }),
            new(TableTransactionActionType.Add, new TableEntity(partition, markerKey) { ["Quantity"] = line.Quantity, ["ConsumedAt"] = time.GetUtcNow() }),
        };
        if (hold is not null)
        {
            actions.Add(held == fromHold
                ? new TableTransactionAction(TableTransactionActionType.Delete, hold, hold.ETag)
                : new TableTransactionAction(TableTransactionActionType.UpdateMerge, new TableEntity(partition, hold.RowKey) { ["Quantity"] = held - fromHold }, hold.ETag));
        }

        await _table.SubmitTransactionAsync(actions, cancellationToken);
        return true;
    }

    private async Task<IReadOnlyList<ReservationShortage>> ShortagesAsync(string orderKey, IReadOnlyList<ReservationLine> lines, CancellationToken cancellationToken)
    {
        var shortages = new List<ReservationShortage>();
        foreach (var line in lines)
        {
            var (position, held) = await PositionAndHoldAsync(orderKey, line, cancellationToken);
            var available = Available(position?.Entity) + held;
            if (available < line.Quantity)
            {
                shortages.Add(new ReservationShortage(line.Sku, line.Location, line.Quantity, (int)Math.Max(0, available)));
            }
        }

        return shortages;
    }

    private Task<ReservationShortage?> HoldAsync(string orderKey, ReservationLine line, CancellationToken cancellationToken) =>
        OptimisticConcurrency.RunAsync<ReservationShortage?>(
            async () =>
            {
                var (position, held) = await PositionAndHoldAsync(orderKey, line, cancellationToken);
                if (held >= line.Quantity)
                {
                    return null;
                }

                var need = line.Quantity - held;
                var available = Available(position?.Entity);
                if (position is null || available < need)
                {
                    return new ReservationShortage(line.Sku, line.Location, line.Quantity, (int)Math.Max(0, available + held));
                }

                var current = PositionEntity.ToPosition(position.Value.Entity);
                var holdEntity = new TableEntity(InventoryKeys.Part(line.Sku), InventoryKeys.Hold(line.Location, orderKey)) { ["Quantity"] = line.Quantity };
                await _table.SubmitTransactionAsync(
                    [
                        PositionEntity.Write(position.Value.Entity, current with { Reserved = current.Reserved + need }),
                        position.Value.Hold is { } existing
                            ? new TableTransactionAction(TableTransactionActionType.UpdateReplace, holdEntity, existing.ETag)
                            : new TableTransactionAction(TableTransactionActionType.Add, holdEntity),
                    ],
                    cancellationToken);
                return null;
            },
            cancellationToken);

    private async Task ReleaseLinesAsync(string orderKey, IReadOnlyList<ReservationLine> lines, CancellationToken cancellationToken)
    {
        foreach (var line in lines)
        {
            await OptimisticConcurrency.RunAsync(
                async () =>
                {
                    var (position, held) = await PositionAndHoldAsync(orderKey, line, cancellationToken);
                    if (position is not { Hold: { } hold } found)
                    {
                        return false;
                    }

                    var current = PositionEntity.ToPosition(found.Entity);
                    await _table.SubmitTransactionAsync(
                        [
                            PositionEntity.Write(found.Entity, current with { Reserved = current.Reserved - held }),
                            new TableTransactionAction(TableTransactionActionType.Delete, hold, hold.ETag),
                        ],
                        cancellationToken);
                    return true;
                },
                cancellationToken);
        }
    }

    /// <summary>The position (null when the SKU was never stocked there) with this order's hold on it.</summary>
    private async Task<((TableEntity Entity, TableEntity? Hold)? Position, int Held)> PositionAndHoldAsync(string orderKey, ReservationLine line, CancellationToken cancellationToken)
    {
        var partition = InventoryKeys.Part(line.Sku);
        var position = await GetAsync(partition, InventoryKeys.Position(line.Location), cancellationToken);
        var hold = await GetAsync(partition, InventoryKeys.Hold(line.Location, orderKey), cancellationToken);
        var held = hold?.GetInt32("Quantity") ?? 0;
        return (position is null ? null : (position, hold), held);
    }

    private static long Available(TableEntity? position) =>
        position is null ? 0 : (position.GetInt64("OnHand") ?? 0) - (position.GetInt64("Reserved") ?? 0);

    private ReservationResult Short(string orderKey, IReadOnlyList<ReservationShortage> shortages)
    {
        LogShort(orderKey, shortages.Count);
        var detail = string.Join("; ", shortages.Select(s => $"{s.Sku} at {s.Location}: {s.Requested} requested, {s.Available} available"));
        return new ReservationResult(false, $"Insufficient stock: {detail}", shortages);
    }

    private async Task<(string Status, string Channel, IReadOnlyList<ReservationLine> Lines)?> RecordAsync(string orderKey, CancellationToken cancellationToken)
    {
        if (await GetAsync(InventoryKeys.Order(orderKey), InventoryKeys.ReservationRow, cancellationToken) is not { } entity)
        {
            return null;
        }

        var lines = JsonSerializer.Deserialize(entity.GetString("Lines"), InventoryJson.Default.ListReservationLine) ?? [];
        return (entity.GetString("Status"), entity.GetString("Channel"), lines);
    }

    private Task SaveRecordAsync(string orderKey, string channel, IReadOnlyList<ReservationLine> lines, string status, CancellationToken cancellationToken) =>
        _table.UpsertEntityAsync(
            new TableEntity(InventoryKeys.Order(orderKey), InventoryKeys.ReservationRow)
            {
                ["OrderKey"] = orderKey,
                ["Channel"] = channel,
                ["Status"] = status,
                ["Lines"] = JsonSerializer.Serialize(lines.ToList(), InventoryJson.Default.ListReservationLine),
                ["UpdatedAt"] = time.GetUtcNow(),
            },
            TableUpdateMode.Replace,
            cancellationToken);

    private async Task<TableEntity?> GetAsync(string partition, string row, CancellationToken cancellationToken)
    {
        var found = await _table.GetEntityIfExistsAsync<TableEntity>(partition, row, cancellationToken: cancellationToken);
        return found.HasValue ? found.Value : null;
    }

    /// <summary>One line per SKU and location, so one order never holds the same position twice.</summary>
    private static IReadOnlyList<ReservationLine> Merge(IReadOnlyList<ReservationLine> lines)
    {
        if (lines.Count == 0 || lines.Any(l => l.Quantity <= 0 || string.IsNullOrWhiteSpace(l.Sku) || string.IsNullOrWhiteSpace(l.Location)))
        {
            throw new ArgumentException("A reservation needs lines, each with a SKU, a location and a positive quantity.", nameof(lines));
        }

        return lines.GroupBy(l => (l.Sku, l.Location)).Select(g => new ReservationLine(g.Key.Sku, g.Key.Location, g.Sum(l => l.Quantity))).ToArray();
    }

    private static IReadOnlyList<ReservationLine> Union(IReadOnlyList<ReservationLine>? earlier, IReadOnlyList<ReservationLine> lines) =>
        earlier is null ? lines : lines.Concat(earlier.Where(e => !lines.Any(l => l.Sku == e.Sku && l.Location == e.Location))).ToArray();

    [LoggerMessage(Level = LogLevel.Information, Message = "Inventory reserved for {OrderKey}: {Lines} lines")]
    private partial void LogReserved(string orderKey, int lines);

    [LoggerMessage(Level = LogLevel.Information, Message = "Inventory released for {OrderKey}: {Lines} lines")]
    private partial void LogReleased(string orderKey, int lines);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Inventory short for {OrderKey}: {Lines} lines cannot be reserved in full")]
    private partial void LogShort(string orderKey, int lines);
}
