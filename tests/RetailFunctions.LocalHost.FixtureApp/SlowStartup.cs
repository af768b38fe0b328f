using Microsoft.Extensions.Hosting;

namespace RetailFunctions.LocalHost.FixtureApp;

/// <summary>
/// An app service that takes a while to start, as the retail app's sample-data seeders do: the host starts its web
/// server, and with it the Durable sidecar, only after every hosted service has started.
/// </summary>
public sealed class SlowStartup(TimeSpan delay) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => Task.Delay(delay, cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
