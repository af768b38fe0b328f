using RetailFunctions.IntegrationTests.Hosting;

namespace RetailFunctions.IntegrationTests.Fabric;

/// <summary>
/// The RetailFunctions function app on the local fabric host against the tests' Azurite, wired to its own simulators
/// (ERP, WMS, channel APIs) with test-only secrets. Each start gets its own task hub so that hosts of different test
/// classes never share orchestration state.
/// </summary>
public sealed class FabricHost : IAsyncDisposable
{
    public const string ShopifySecret = "test-only-shopify-secret";
    public const string WalmartSecret = "test-only-walmart-secret";
    public const string AmazonApiKey = "test-only-amazon-api-key";
    public const string PosSecret = "test-only-pos-secret";
    public const string WmsSecret = "test-only-wms-secret";
    public const string InventorySecret = "test-only-inventory-secret";
    public const string CatalogSecret = "test-only-catalog-secret";

    private readonly IReadOnlyDictionary<string, string> _hostEnvironment;

    private FabricHost(ServiceProcess host, ServiceProcess simulators, IReadOnlyDictionary<string, string> hostEnvironment)
    {
        Host = host;
        Simulators = simulators;
        _hostEnvironment = hostEnvironment;
    }

    /// <summary>The fabric host; a new process after <see cref="RestartHostAsync"/>.</summary>
    public ServiceProcess Host { get; private set; }

    public ServiceProcess Simulators { get; }

    public HttpClient Client => Host.Client;

    /// <summary>
    /// Starts the fabric host again after it was killed or stopped: same port (the simulators call back to it), same
    /// settings and task hub, so it resumes the orchestrations the previous process left.
    /// </summary>
    public async Task RestartHostAsync()
    {
        await Host.DisposeAsync();
        Host = await ServiceProcess.StartAsync(RepoPaths.FunctionApp, _hostEnvironment, "api/health", Host.Port);
    }

    /// <param name="extra">Settings for the fabric host (environment variable names, <c>__</c> as separator).</param>
    /// <param name="simulatorSettings">Settings for the simulators, e.g. <c>Simulators__Wms__AutoShip</c>.</param>
    public static async Task<FabricHost> StartAsync(
        AzuriteFixture azurite,
        IReadOnlyDictionary<string, string>? extra = null,
        IReadOnlyDictionary<string, string>? simulatorSettings = null)
    {
        var hostPort = Ports.FreeLoopbackPort();
        var simulatorEnvironment = new Dictionary<string, string>
        {
            ["Shipments__Sources__wms__Secret"] = WmsSecret,
            ["Simulators__Wms__FabricBaseUrl"] = $"http://127.0.0.1:{hostPort}",
            ["Simulators__Webhooks__FabricBaseUrl"] = $"http://127.0.0.1:{hostPort}",
            ["Channels__Shopify__WebhookSecret"] = ShopifySecret,
            ["Channels__Walmart__WebhookSecret"] = WalmartSecret,
            ["Channels__Amazon__ApiKey"] = AmazonApiKey,
            ["Simulators__Wms__ShipDelay"] = "00:00:01",
            ["Simulators__LegacyErp__StorageConnectionString"] = azurite.ConnectionString,
        };
        Merge(simulatorEnvironment, simulatorSettings);
        var simulators = await ServiceProcess.StartSimulatorsAsync(simulatorEnvironment);

        var simulatorsUrl = $"http://127.0.0.1:{simulators.Port}";
        var environment = new Dictionary<string, string>
        {
            ["AzureWebJobsStorage"] = azurite.ConnectionString,
            ["DurableTaskStorage"] = azurite.ConnectionString,
            // One host, one worker: a single partition keeps the shared Azurite's idle polling low.
            ["LocalHost__Durable__PartitionCount"] = "1",
            ["AzureFunctionsJobHost__extensions__durableTask__hubName"] = "hub" + Guid.NewGuid().ToString("N")[..12],
            ["Channels__Shopify__WebhookSecret"] = ShopifySecret,
            ["Channels__Walmart__WebhookSecret"] = WalmartSecret,
            ["Channels__Amazon__ApiKey"] = AmazonApiKey,
            ["Channels__Pos__WebhookSecret"] = PosSecret,
            ["Shipments__Sources__wms__Secret"] = WmsSecret,
            ["Inventory__AdjustmentsSecret"] = InventorySecret,
            ["Catalog__ChangesSecret"] = CatalogSecret,
            ["BackOffice__Erp__BaseUrl"] = $"{simulatorsUrl}/erp",
            ["BackOffice__Wms__BaseUrl"] = $"{simulatorsUrl}/wms",
            ["Channels__Shopify__ApiBaseUrl"] = $"{simulatorsUrl}/shopify",
            ["Channels__Amazon__ApiBaseUrl"] = $"{simulatorsUrl}/amazon",
            ["Channels__Walmart__ApiBaseUrl"] = $"{simulatorsUrl}/walmart",
            ["Channels__Pos__ApiBaseUrl"] = $"{simulatorsUrl}/pos",
            ["BackOffice__Resilience__BaseDelay"] = "00:00:00.200",
        };
        Merge(environment, extra);
        try
        {
            var host = await ServiceProcess.StartAsync(RepoPaths.FunctionApp, environment, "api/health", hostPort);
            return new FabricHost(host, simulators, environment);
        }
        catch
        {
            await simulators.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Host.DisposeAsync();
        await Simulators.DisposeAsync();
    }

    private static void Merge(Dictionary<string, string> target, IReadOnlyDictionary<string, string>? values)
    {
        foreach (var (key, value) in values ?? new Dictionary<string, string>())
        {
            target[key] = value;
        }
    }
}
