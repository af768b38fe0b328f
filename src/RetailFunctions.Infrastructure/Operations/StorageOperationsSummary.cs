using System.Globalization;
using Azure.Data.Tables;
using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using Microsoft.Extensions.Options;
using RetailFunctions.Core.Operations;
using RetailFunctions.Core.Orders;
using RetailFunctions.Infrastructure.Storage;

namespace RetailFunctions.Infrastructure.Operations;

/// <summary>
/// Reads the operations summary straight from storage. Meant for the local operations page and for spot checks: it scans
/// the order ledger and the inventory sync table, which is fine for a development fabric; in Azure the workbook over
/// Application Insights gives the same panels.
/// </summary>
public sealed class StorageOperationsSummary(StorageClients storage, TimeProvider time, IOptions<OperationsSummaryOptions> options)
{
    private const string PoisonSuffix = "-poison";
    private readonly OperationsSummaryOptions _options = options.Value;

    public async Task<OperationsSummary> ReadAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var orders = OrdersAsync(cancellationToken);
        var queues = QueuesAsync(cancellationToken);
        var lag = SyncLagAsync(now - _options.LagWindow, cancellationToken);
        var exceptions = SettlementExceptionsAsync(cancellationToken);
        var (byStatus, failures) = await orders;
        return new OperationsSummary(now, byStatus, await queues, await lag, await exceptions, failures);
    }

    private async Task<(IReadOnlyDictionary<string, int>, IReadOnlyList<OrderFailureView>)> OrdersAsync(CancellationToken cancellationToken)
    {
        var byStatus = Enum.GetNames<OrderStatus>().ToDictionary(s => s, _ => 0);
        var failures = new List<OrderFailureView>();
        var table = storage.Tables.GetTableClient(StorageNames.OrdersTable);
        await foreach (var row in Rows(table, null, ["PartitionKey", "Status", "ChannelOrderId", "FailureReason", "Timestamp"], cancellationToken))
        {
            if (row.GetString("Status") is not { } status)
            {
                continue;
            }

            byStatus[status] = byStatus.GetValueOrDefault(status) + 1;
            if (status == nameof(OrderStatus.Failed))
            {
                failures.Add(new OrderFailureView(row.PartitionKey, row.GetString("ChannelOrderId") ?? row.RowKey, row.GetString("FailureReason") ?? "no reason recorded", row.Timestamp));
            }
        }

        return (byStatus, [.. failures.OrderByDescending(f => f.At).Take(_options.RecentItems)]);
    }

    private async Task<IReadOnlyList<QueueDepth>> QueuesAsync(CancellationToken cancellationToken)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        await foreach (var queue in storage.Queues.GetQueuesAsync(cancellationToken: cancellationToken))
        {
            QueueProperties properties = await storage.Queues.GetQueueClient(queue.Name).GetPropertiesAsync(cancellationToken);
            counts[queue.Name] = properties.ApproximateMessagesCount;
        }

        return [.. counts.Keys
            .Where(name => !name.EndsWith(PoisonSuffix, StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(name => new QueueDepth(name, counts[name], counts.GetValueOrDefault(name + PoisonSuffix)))];
    }

    private async Task<IReadOnlyList<ChannelSyncLag>> SyncLagAsync(DateTimeOffset since, CancellationToken cancellationToken)
    {
        var lags = new Dictionary<string, List<long>>(StringComparer.Ordinal);
        var table = storage.Tables.GetTableClient(StorageNames.InventorySyncTable);
        var filter = TableClient.CreateQueryFilter($"LastPushedAt ge {since}");
        await foreach (var row in Rows(table, filter, ["PartitionKey", "LastLagMs"], cancellationToken))
        {
            if (row.GetInt64("LastLagMs") is { } lagMs)
            {
                (lags.TryGetValue(row.PartitionKey, out var list) ? list : lags[row.PartitionKey] = []).Add(lagMs);
            }
        }

        return [.. lags.OrderBy(l => l.Key, StringComparer.Ordinal).Select(l => LagPercentiles.Summarise(l.Key, l.Value))];
    }

    private async Task<IReadOnlyList<SettlementExceptionView>> SettlementExceptionsAsync(CancellationToken cancellationToken)
    {
        var newest = new List<SettlementExceptionView>();
        var table = storage.Tables.GetTableClient(StorageNames.SettlementExceptionsTable);
        await foreach (var row in Rows(table, null, ["Channel", "SettlementId", "Reason", "OrderRef", "Amount", "Currency", "Detail", "ReconciledAt"], cancellationToken))
        {
            newest.Add(new SettlementExceptionView(
                row.GetString("Channel") ?? "",
                row.GetString("SettlementId") ?? "",
                row.GetString("Reason") ?? "",
                row.GetString("OrderRef"),
                decimal.TryParse(row.GetString("Amount"), NumberStyles.Number, CultureInfo.InvariantCulture, out var amount) ? amount : 0m,
                row.GetString("Currency"),
                row.GetString("Detail"),
                row.GetDateTimeOffset("ReconciledAt")));
        }

        return [.. newest.OrderByDescending(e => e.ReconciledAt).Take(_options.RecentItems)];
    }

    /// <summary>The rows of a table that may not exist yet on a fresh account (nothing happened there): none.</summary>
    private static IAsyncEnumerable<TableEntity> Rows(TableClient table, string? filter, IEnumerable<string> select, CancellationToken cancellationToken) =>
        MissingTable.RowsIfExistsAsync(table, filter, select, cancellationToken);
}
