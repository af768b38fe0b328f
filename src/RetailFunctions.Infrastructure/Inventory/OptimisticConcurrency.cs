using Azure;

namespace RetailFunctions.Infrastructure.Inventory;

/// <summary>Read, decide, write with the read's ETag; when another writer got there first, read again.</summary>
internal static class OptimisticConcurrency
{
    private const int MaxAttempts = 200;

    public static async Task<T> RunAsync<T>(Func<Task<T>> attempt, CancellationToken cancellationToken)
    {
        for (var tries = 1; ; tries++)
        {
            try
            {
                return await attempt();
            }
            catch (RequestFailedException ex) when (ex.Status is 409 or 412 && tries < MaxAttempts)
            {
                // Jitter spreads contenders out so one of them wins the next round.
                await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(1, Math.Min(50, 2 + (tries * 5)))), cancellationToken);
            }
        }
    }
}
