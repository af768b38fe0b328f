using System.Globalization;
using Azure.Data.Tables;
using RetailFunctions.Core.Audit;
using RetailFunctions.Infrastructure.Storage;

namespace RetailFunctions.Infrastructure.Audit;

/// <summary>
/// The audit trail (table <c>audit</c>): one partition per month, rows keyed newest first; entries are only ever
/// inserted, so a row once written is never replaced.
/// </summary>
public sealed class TableAuditTrail(StorageClients storage) : IAuditTrail
{
    private readonly TableClient _table = storage.Tables.GetTableClient(StorageNames.AuditTable);

    public async Task AppendAsync(AuditEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        await _table.CreateIfNotExistsAsync(cancellationToken);
        await _table.AddEntityAsync(
            new TableEntity(Month(entry.At), string.Create(CultureInfo.InvariantCulture, $"{DateTimeOffset.MaxValue.UtcTicks - entry.At.UtcTicks:D19}-{entry.Id}"))
            {
                ["Id"] = entry.Id,
                ["At"] = entry.At,
                ["Operator"] = entry.Operator,
                ["Action"] = entry.Action,
                ["Subject"] = entry.Subject,
                ["Before"] = entry.Before,
                ["After"] = entry.After,
            },
            cancellationToken);
    }

    public Task<IReadOnlyList<AuditEntry>> ListAsync(int max, CancellationToken cancellationToken) =>
        MissingTable.EmptyIfMissingAsync<AuditEntry>(async () =>
        {
            var entries = new List<AuditEntry>();
            // Partitions sort oldest month first; rows within one sort newest first.
            var byMonth = new SortedDictionary<string, List<AuditEntry>>(StringComparer.Ordinal);
            await foreach (var row in _table.QueryAsync<TableEntity>(cancellationToken: cancellationToken))
            {
                if (!byMonth.TryGetValue(row.PartitionKey, out var month))
                {
                    byMonth[row.PartitionKey] = month = [];
                }

                month.Add(new AuditEntry(
                    row.GetString("Id"), row.GetDateTimeOffset("At")!.Value, row.GetString("Operator"), row.GetString("Action"),
                    row.GetString("Subject"), row.GetString("Before"), row.GetString("After")));
            }

            foreach (var month in byMonth.Reverse())
            {
                entries.AddRange(month.Value);
            }

            return [.. entries.Take(max)];
        });

    private static string Month(DateTimeOffset at) => at.UtcDateTime.ToString("yyyyMM", CultureInfo.InvariantCulture);
}
