using Azure;
using Azure.Data.Tables;

namespace RetailFunctions.Infrastructure.Storage;

/// <summary>Reading a table nobody has created yet (a fresh Azurite before the app's first start) finds nothing.</summary>
internal static class MissingTable
{
    public static async Task<IReadOnlyList<T>> EmptyIfMissingAsync<T>(Func<Task<IReadOnlyList<T>>> read)
    {
        try
        {
            return await read();
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return [];
        }
    }

    /// <summary>The rows of a query, streamed page by page; none when the table does not exist.</summary>
    public static async IAsyncEnumerable<TableEntity> RowsIfExistsAsync(
        TableClient table, string? filter, IEnumerable<string>? select, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var pages = table.QueryAsync<TableEntity>(filter, select: select, cancellationToken: cancellationToken).AsPages().GetAsyncEnumerator(cancellationToken);
        try
        {
            while (true)
            {
                try
                {
                    if (!await pages.MoveNextAsync())
                    {
                        yield break;
                    }
                }
                catch (RequestFailedException ex) when (ex.Status == 404)
                {
                    yield break;
                }

                foreach (var row in pages.Current.Values)
                {
                    yield return row;
                }
            }
        }
        finally
        {
            await pages.DisposeAsync();
        }
    }
}
