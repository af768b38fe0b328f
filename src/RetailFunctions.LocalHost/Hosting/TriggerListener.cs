using Microsoft.Extensions.Hosting;

namespace RetailFunctions.LocalHost.Hosting;

/// <summary>
/// A trigger's listener. It takes work only once the host is ready (<see cref="FabricReadiness"/>), and it stops
/// taking work before the web server stops: the host stops its services in reverse order of registration and the web
/// server, which also serves the Durable sidecar, is registered last, so it would otherwise stop first and leave the
/// functions still running without their Durable client.
/// </summary>
internal abstract class TriggerListener(FabricReadiness readiness) : BackgroundService, IHostedLifecycleService
{
    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => StopAsync(cancellationToken);

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    protected sealed override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (await readiness.WaitAsync(stoppingToken))
        {
            await ListenAsync(stoppingToken);
        }
    }

    protected abstract Task ListenAsync(CancellationToken stoppingToken);
}
