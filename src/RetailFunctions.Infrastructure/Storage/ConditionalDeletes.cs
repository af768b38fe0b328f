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

    public static async Task DeleteUnchangedAsync(TableClient table, string partition, IReadOnlyList<(string RowKey, string ETag)> rows, CancellationToken cancellationToken)
    {
        foreach (var chunk in rows.Chunk(BatchSize))
        {
            try
            {
                await table.SubmitTransactionAsync(
                    chunk.Select(r => new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(partition, r.RowKey), new ETag(r.ETag))),
                    cancellationToken);
            }
            catch (TableTransactionFailedException)
            {
                // Some rows changed again (or went already): delete the others one by one and leave those.
                await Parallel.ForEachAsync(
                    chunk,
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
        }
    }
}
