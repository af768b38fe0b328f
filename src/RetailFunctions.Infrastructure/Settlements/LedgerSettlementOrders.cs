using System.Collections.Concurrent;
using Azure.Data.Tables;
using RetailFunctions.Core.Orders;
using RetailFunctions.Core.Settlements.Processing;
using RetailFunctions.Core.Storage;
using RetailFunctions.Infrastructure.Storage;

namespace RetailFunctions.Infrastructure.Settlements;

/// <summary>
/// Reads the ledger for reconciliation with point reads only: a reference is tried as the channel order id, then
/// through the <c>ordernumbers</c> index (Shopify names such as <c>#1001</c>). Orders a settlement paid for are kept
/// in <c>settledorders</c> (partition = channel, row = channel order id), so later runs can tell unsettled ones.
/// </summary>
public sealed class LedgerSettlementOrders(IOrderLedger ledger, StorageClients storage) : ISettlementOrders
{
    private const int Parallelism = 16;
    private const int MaxBatch = 100;
    private static readonly string[] ShippedStatuses = [nameof(OrderStatus.PartiallyShipped), nameof(OrderStatus.Shipped), nameof(OrderStatus.Completed)];
    private readonly TableClient _orders = storage.Tables.GetTableClient(StorageNames.OrdersTable);
    private readonly TableClient _orderNumbers = storage.Tables.GetTableClient(StorageNames.OrderNumbersTable);
    private readonly TableClient _settled = storage.Tables.GetTableClient(StorageNames.SettledOrdersTable);

    public async Task<IReadOnlyDictionary<string, OrderRecord>> FindAsync(string channel, IReadOnlyCollection<string> orderRefs, CancellationToken cancellationToken)
    {
        var found = new ConcurrentDictionary<string, OrderRecord>(StringComparer.Ordinal);
        await Parallel.ForEachAsync(
            orderRefs,
            new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellationToken },
            async (orderRef, token) =>
            {
                if (await FindOneAsync(channel, orderRef, token) is { } order)
                {
                    found[orderRef] = order;
                }
            });
        return found;
    }

    public async Task<IReadOnlyList<OrderRecord>> FindShippedUnsettledAsync(string channel, DateTimeOffset shippedFrom, DateTimeOffset shippedTo, CancellationToken cancellationToken)
    {
        // An order ships after it is placed: placed before the end of the window bounds the scan from above, the
        // window's start from below (orders placed earlier and shipped late are outside the look-back by design).
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {channel} and PlacedAt ge {shippedFrom} and PlacedAt le {shippedTo}")
            + " and (" + string.Join(" or ", ShippedStatuses.Select(s => TableClient.CreateQueryFilter($"Status eq {s}"))) + ")";
        var candidates = new List<string>();
        await foreach (var entity in _orders.QueryAsync<TableEntity>(filter, select: ["ChannelOrderId"], cancellationToken: cancellationToken))
        {
            candidates.Add(entity.GetString("ChannelOrderId") ?? entity.RowKey);
        }

        var unsettled = new ConcurrentBag<OrderRecord>();
        await Parallel.ForEachAsync(
            candidates,
            new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellationToken },
            async (id, token) =>
            {
                var settled = await _settled.GetEntityIfExistsAsync<TableEntity>(channel, StorageKey.Escape(id), select: ["SettlementId"], cancellationToken: token);
                if (!settled.HasValue && await ledger.FindAsync(channel, id, token) is { } order)
                {
                    unsettled.Add(order);
                }
            });
        return [.. unsettled];
    }

    public async Task MarkSettledAsync(string channel, string settlementId, IReadOnlyCollection<string> channelOrderIds, CancellationToken cancellationToken)
    {
        var actions = channelOrderIds
            .Distinct(StringComparer.Ordinal)
            .Select(id => new TableTransactionAction(
                TableTransactionActionType.UpsertReplace,
                new TableEntity(channel, StorageKey.Escape(id)) { ["SettlementId"] = settlementId }));
        await Parallel.ForEachAsync(
            actions.Chunk(MaxBatch),
            new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellationToken },
            async (batch, token) => await _settled.SubmitTransactionAsync(batch, token));
    }

    private async Task<OrderRecord?> FindOneAsync(string channel, string orderRef, CancellationToken cancellationToken)
    {
        if (await ledger.FindAsync(channel, orderRef, cancellationToken) is { } byId)
        {
            return byId;
        }

        var number = await _orderNumbers.GetEntityIfExistsAsync<TableEntity>(
            channel, StorageKey.Escape(orderRef), select: ["ChannelOrderId"], cancellationToken: cancellationToken);
        return number.HasValue && number.Value!.GetString("ChannelOrderId") is { Length: > 0 } id
            ? await ledger.FindAsync(channel, id, cancellationToken)
            : null;
    }
}
