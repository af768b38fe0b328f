using Azure;

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
}
