using Microsoft.Extensions.Hosting;

namespace RetailFunctions.LocalHost.Durable;

/// <summary>
/// Runs the Durable worker (a hosted service of the Durable Task SDK) between the web server's start and stop rather
/// than around them. The web server, which serves the sidecar, starts after every other hosted service, the app's
/// sample-data seeders included; a worker started before it fails to connect and backs off with jitter for up to 30 s,
/// during which the host is not ready. Started once the server listens, it connects at once; stopped before the
/// server stops, it ends its work-item stream itself instead of seeing it cut.
/// </summary>
internal sealed class WorkerAfterSidecar(IHostedService worker) : IHostedLifecycleService
{
    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => worker.StartAsync(cancellationToken);

    public Task StoppingAsync(CancellationToken cancellationToken) => worker.StopAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Takes the worker the SDK registered as a hosted service out of the host's start and stop, into this one's.</summary>
    public static void Adopt(IServiceCollection services, int registeredFrom)
    {
        var registration = services.Skip(registeredFrom).Single(d => d.ServiceType == typeof(IHostedService));
        services.Remove(registration);
        services.AddSingleton<IHostedService>(sp => new WorkerAfterSidecar(registration.ImplementationFactory is { } factory
            ? (IHostedService)factory(sp)
            : (IHostedService)ActivatorUtilities.GetServiceOrCreateInstance(sp, registration.ImplementationType!)));
    }
}
