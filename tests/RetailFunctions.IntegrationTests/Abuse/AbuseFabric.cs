using RetailFunctions.IntegrationTests.Fabric;
using RetailFunctions.IntegrationTests.Hosting;

namespace RetailFunctions.IntegrationTests.Abuse;

/// <summary>
/// One fabric host for the whole abuse matrix, started by the first case: every endpoint with a previous secret
/// configured next to its current one, queues polled often so that a wrongly queued message shows within the settle
/// time, and the WMS simulator's auto-ship off so that no callback of its own lands in the receipts under watch.
/// </summary>
public sealed class AbuseFabric : IAsyncLifetime
{
    private readonly SemaphoreSlim _starting = new(1, 1);
    private FabricHost? _host;

    public async Task<FabricHost> StartOnceAsync(AzuriteFixture azurite)
    {
        await _starting.WaitAsync();
        try
        {
            if (_host is null)
            {
                var settings = SignedEndpoints.All.ToDictionary(e => e.PreviousSecretSetting, e => e.PreviousSecret);
                settings["AzureFunctionsJobHost__extensions__queues__maxPollingInterval"] = "00:00:00.100";
                _host = await FabricHost.StartAsync(azurite, settings, new Dictionary<string, string> { ["Simulators__Wms__AutoShip"] = "false" });
            }

            return _host;
        }
        finally
        {
            _starting.Release();
        }
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }

        _starting.Dispose();
    }
}
