using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using RetailFunctions.Core.Telemetry;
using RetailFunctions.Infrastructure.Storage;

namespace RetailFunctions.Infrastructure.Telemetry;

/// <summary>
/// Reads the depth of every <c>*-poison</c> queue each minute for the <c>retail.poison.messages</c> gauge, so the
/// poison alert and the local dashboard see messages that failed <c>maxDequeueCount</c> times, whichever host moved them.
/// </summary>
internal sealed partial class PoisonQueueMonitor(StorageClients storage, RetailMetrics metrics, ILogger<PoisonQueueMonitor> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval);
        do
        {
            try
            {
                await foreach (var queue in storage.Queues.GetQueuesAsync(prefix: null, cancellationToken: stoppingToken))
                {
                    if (queue.Name.EndsWith("-poison", StringComparison.Ordinal))
                    {
                        var properties = await storage.Queues.GetQueueClient(queue.Name).GetPropertiesAsync(stoppingToken);
                        metrics.PoisonQueueDepth(queue.Name, properties.Value.ApproximateMessagesCount);
                    }
                }
            }
            catch (Exception ex) when (ex is Azure.RequestFailedException or HttpRequestException)
            {
                LogReadFailed(ex);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Poison queue depths could not be read; trying again in a minute")]
    private partial void LogReadFailed(Exception exception);
}
