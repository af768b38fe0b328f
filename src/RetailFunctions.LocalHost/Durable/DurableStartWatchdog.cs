using Microsoft.Extensions.Hosting;
using RetailFunctions.LocalHost.Hosting;

namespace RetailFunctions.LocalHost.Durable;

/// <summary>
/// Bounds the wait for the Durable side: once the web server (and with it the sidecar) has started, the worker must
/// connect within <c>LocalHost:DurableStartTimeout</c> (default 60 s), or the host stops with an error instead of
/// sitting there with its listeners waiting and its HTTP functions answering 503.
/// </summary>
internal sealed partial class DurableStartWatchdog(
    FabricReadiness readiness,
    IHostApplicationLifetime lifetime,
    IConfiguration configuration,
    ILogger<DurableStartWatchdog> logger) : BackgroundService
{
    public const string TimeoutSetting = "LocalHost:DurableStartTimeout";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var timeout = configuration.GetValue(TimeoutSetting, TimeSpan.FromSeconds(60));
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using (lifetime.ApplicationStarted.Register(started.SetResult))
        {
            await started.Task.WaitAsync(stoppingToken);
        }

        var ready = readiness.WaitAsync(stoppingToken);
        if (await Task.WhenAny(ready, Task.Delay(timeout, stoppingToken)) == ready || readiness.IsReady)
        {
            return;
        }

        stoppingToken.ThrowIfCancellationRequested();
        var reason = $"The Durable worker did not connect to the sidecar within {timeout} after the web server started ({TimeoutSetting}); the host stops.";
        if (!readiness.TryFail(reason))
        {
            return;
        }

        LogNeverReady(reason);
        Environment.ExitCode = 1;
        lifetime.StopApplication();
    }

    [LoggerMessage(Level = LogLevel.Critical, Message = "{Reason}")]
    private partial void LogNeverReady(string reason);
}
