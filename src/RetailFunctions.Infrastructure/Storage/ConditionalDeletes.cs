using Azure;
using Azure.Data.Tables;

namespace RetailFunctions.Infrastructure.Storage;

/// <summary>
/// Deletes rows of one partition only if they are unchanged since they were read (their ETag), in transactions of 100;
/// rows changed meanwhile stay. This is how pending-work rows are cleared without losing a change made during the work.
/// </summary>
internal static class ConditionalDeletes
{
    private const int BatchSize = 100;
    private const int Parallelism = 16;

    // A transaction fails as a whole when one row changed, which is common while changes keep coming in (a burst marks
    // rows during the push that clears them). Reading the chunk's versions back and retrying without the changed rows
    // costs two requests, where deleting one by one costs one per row; only a row that keeps changing falls through.
    private const int TransactionAttempts = 3;

    public static async Task DeleteUnchangedAsync(TableClient table, string partition, IReadOnlyList<(string RowKey, string ETag)> rows, CancellationToken cancellationToken)
    {
        foreach (var chunk in rows.Chunk(BatchSize))
        {
            var left = chunk;
            for (var attempt = 1; left.Length > 0; attempt++)
            {
                try
                {
                    await table.SubmitTransactionAsync(
                        left.Select(r => new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(partition, r.RowKey), new ETag(r.ETag))),
                        cancellationToken);
                    break;
                }
                catch (TableTransactionFailedException) when (attempt < TransactionAttempts)
                {
                    left = await UnchangedAsync(table, partition, left, cancellationToken);
                }
                catch (TableTransactionFailedException)
                {
                    await DeleteOneByOneAsync(table, partition, left, cancellationToken);
                    break;
                }
            }
        }
    }

    /// <summary>The rows that still carry the version they were read at (changed ones stay, cleared ones are done).</summary>
    private static async Task<(string RowKey, string ETag)[]> UnchangedAsync(TableClient table, string partition, (string RowKey, string ETag)[] rows, CancellationToken cancellationToken)
    {
        var current = await KeyRangeReads.ReadRowsAsync(table, partition, rows.Select(r => r.RowKey), ["RowKey"], cancellationToken);
        return [.. rows.Where(r => current.TryGetValue(r.RowKey, out var found) && found.ETag.ToString() == r.ETag)];
    }

    private static Task DeleteOneByOneAsync(TableClient table, string partition, (string RowKey, string ETag)[] rows, CancellationToken cancellationToken) =>
        Parallel.ForEachAsync(
            rows,
            new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellationToken },
            async (row, token) =>
            {
                try
                {
                    await table.DeleteEntityAsync(partition, row.RowKey, new ETag(row.ETag), token);
                }
                catch (RequestFailedException ex) when (ex.Status is 404 or 412)
                {
                    // Changed again (stays for the next run) or already cleared.
                }
            });
}
