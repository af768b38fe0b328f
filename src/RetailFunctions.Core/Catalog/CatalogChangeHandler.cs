using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace RetailFunctions.Core.Catalog;

/// <summary>
/// Applies a <c>catalog-changes</c> message: each item is merged into its master record unless the master already has
/// that version or a newer one (a late, older change is ignored), and every enabled channel is told the SKU is due.
/// Redelivery is harmless: an applied version is stale the second time, and pending marks coalesce.
/// </summary>
public sealed partial class CatalogChangeHandler(
    ICatalogStore store,
    ICatalogPublishQueue publish,
    TimeProvider time,
    IOptionsMonitor<CatalogOptions> options,
    ILogger<CatalogChangeHandler> logger)
{
    private const int Parallelism = 16;

    public async Task HandleAsync(CatalogChange change, CancellationToken cancellationToken)
    {
        var applied = new System.Collections.Concurrent.ConcurrentBag<string>();
        var stale = 0;
        await Parallel.ForEachAsync(
            change.Items,
            new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellationToken },
            async (item, token) =>
            {
                var result = await store.ApplyAsync(item, change.Source, time.GetUtcNow(), token);
                if (result.Applied)
                {
                    applied.Add(item.Sku);
                }
                else
                {
                    Interlocked.Increment(ref stale);
                    LogStale(item.Sku, item.Version, result.CurrentVersion);
                }
            });

        if (!applied.IsEmpty)
        {
            await publish.MarkPendingAsync(options.CurrentValue.EnabledChannels(), applied.ToArray(), change.ReceivedAt, cancellationToken);
        }

        LogApplied(change.Source, change.ChangeId, applied.Count, stale);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Catalog change {Source} {ChangeId}: {Applied} SKUs applied, {Stale} older than the master")]
    private partial void LogApplied(string source, string changeId, int applied, int stale);

    [LoggerMessage(Level = LogLevel.Information, Message = "Catalog {Sku} v{Version} ignored: the master has v{CurrentVersion}")]
    private partial void LogStale(string sku, long version, long currentVersion);
}
