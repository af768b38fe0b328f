using Azure;

namespace RetailFunctions.Cli.Output;

/// <summary>
/// Runs a command against storage: a malformed connection string is a usage error (its text is never echoed, it holds
/// a key), a missing queue or message exits 3 and unreachable storage exits 4.
/// </summary>
internal static class StorageCommand
{
    public static async Task<int> RunAsync(TextWriter error, Func<Task<int>> command)
    {
        try
        {
            return await command();
        }
        catch (FormatException)
        {
            await error.WriteLineAsync("--connection (or $AzureWebJobsStorage) is not a storage connection string.");
            return ExitCodes.Usage;
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            await error.WriteLineAsync($"not found: {ex.ErrorCode ?? "the queue does not exist"}");
            return ExitCodes.NotFound;
        }
        catch (Exception ex) when (ex is RequestFailedException or AggregateException or HttpRequestException)
        {
            await error.WriteLineAsync($"cannot reach storage: {ex.Message.Split('\n')[0]}");
            return ExitCodes.Unavailable;
        }
    }
}
