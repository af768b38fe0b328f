using Azure.Data.Tables;

namespace RetailFunctions.Infrastructure.Storage;

/// <summary>
/// Reads the rows of many keys (row keys of one partition, or partition keys) with one range query from the lowest to
/// the highest wanted key, filtered here, instead of one request per key.
/// </summary>
internal static class KeyRangeReads
{
    // A point read is one request per key, a range query one per page of up to 1,000 rows, wanted or not. Few keys: the
    // point reads go out together, one round trip. Many keys close together (a burst over a catalogue): a page or two.
    // Many keys spread thin over a large catalogue (a million listings in Azure): the range would page through rows
    // nobody asked for, so it stops once its pages have answered fewer than this many wanted keys each, and the keys
    // it has not reached yet are read one by one. It never costs much more than the point reads it replaces.
    internal const int MinKeysPerRequest = 16;

    private const int Parallelism = 16;

    /// <summary>Rows of one partition by row key; a key with no row is absent.</summary>
    public static async Task<IReadOnlyDictionary<string, TableEntity>> ReadRowsAsync(
        TableClient table, string partition, IEnumerable<string> rowKeys, IReadOnlyList<string> select, CancellationToken cancellationToken)
    {
        var rows = await ReadAsync(
            table,
            rowKeys,
            (from, to) => TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey ge {from} and RowKey le {to}"),
            row => row.RowKey,
            select,
            async (key, token) => await table.GetEntityIfExistsAsync<TableEntity>(partition, key, select, token) is { HasValue: true, Value: { } row } ? [row] : [],
            cancellationToken);
        return rows.ToDictionary(r => r.Key, r => r.Value[0], StringComparer.Ordinal);
    }

    /// <param name="keys">The wanted keys, escaped as stored.</param>
    /// <param name="rangeFilter">The filter for rows whose key lies between its two arguments, both included.</param>
    /// <param name="keyOf">The key of a row the range query returned.</param>
    /// <param name="readOne">Reads one key's rows on their own.</param>
    /// <returns>Rows per wanted key; keys without rows are absent.</returns>
    public static async Task<IReadOnlyDictionary<string, List<TableEntity>>> ReadAsync(
        TableClient table,
        IEnumerable<string> keys,
        Func<string, string, string> rangeFilter,
        Func<TableEntity, string> keyOf,
        IReadOnlyList<string>? select,
        Func<string, CancellationToken, Task<IReadOnlyList<TableEntity>>> readOne,
        CancellationToken cancellationToken)
    {
        var sorted = keys.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        var rows = new Dictionary<string, List<TableEntity>>(StringComparer.Ordinal);
        var unread = sorted;
        if (sorted.Length >= MinKeysPerRequest)
        {
            unread = await ReadRangeAsync(table, sorted, rangeFilter(sorted[0], sorted[^1]), keyOf, select, rows, cancellationToken);
        }

        var one = new System.Collections.Concurrent.ConcurrentDictionary<string, IReadOnlyList<TableEntity>>(StringComparer.Ordinal);
        await Parallel.ForEachAsync(
            unread,
            new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellationToken },
            async (key, token) => one[key] = await readOne(key, token));
        foreach (var (key, found) in one.Where(o => o.Value.Count > 0))
        {
            rows[key] = [.. found];
        }

        return rows;
    }

    /// <returns>The keys the range read did not answer.</returns>
    private static async Task<string[]> ReadRangeAsync(
        TableClient table,
        string[] sorted,
        string filter,
        Func<TableEntity, string> keyOf,
        IReadOnlyList<string>? select,
        Dictionary<string, List<TableEntity>> rows,
        CancellationToken cancellationToken)
    {
        var wanted = sorted.ToHashSet(StringComparer.Ordinal);
        var pages = 0;
        string? last = null;
        await foreach (var page in table.QueryAsync<TableEntity>(filter, select: select, cancellationToken: cancellationToken).AsPages())
        {
            pages++;
            foreach (var row in page.Values)
            {
                last = keyOf(row);
                if (wanted.Contains(last))
                {
                    (rows.TryGetValue(last, out var list) ? list : rows[last] = []).Add(row);
                }
            }

            if (page.ContinuationToken is null)
            {
                return [];
            }

            if (Answered(sorted, last) < MinKeysPerRequest * pages)
            {
                break;
            }
        }

        // The last key seen may have more rows on the next page: it is read again on its own with the rest.
        if (last is null)
        {
            return sorted;
        }

        rows.Remove(last);
        return sorted[IndexOf(sorted, last)..];
    }

    /// <summary>How many wanted keys sort before <paramref name="last"/>: those the range has answered.</summary>
    private static int Answered(string[] sorted, string? last) => last is null ? 0 : IndexOf(sorted, last);

    private static int IndexOf(string[] sorted, string key)
    {
        var at = Array.BinarySearch(sorted, key, StringComparer.Ordinal);
        return at >= 0 ? at : ~at;
    }
}
