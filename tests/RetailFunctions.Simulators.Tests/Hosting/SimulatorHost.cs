using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using RetailFunctions.Infrastructure.BackOffice;
using RetailFunctions.Simulators;

namespace RetailFunctions.Simulators.Tests.Hosting;

/// <summary>
/// The simulator on a real loopback port, plus the Infrastructure clients configured against it with short retry
/// delays so fault tests take milliseconds, not the production seconds.
/// </summary>
public sealed class SimulatorHost : IAsyncDisposable
{
    public const string WmsSecret = "test-only-wms-callback-secret";
    public const int MaxRetryAttempts = 3;

    private readonly WebApplication _simulator;
    private readonly IHost _clients;

    private SimulatorHost(WebApplication simulator, IHost clients, Uri baseUrl)
    {
        _simulator = simulator;
        _clients = clients;
        BaseUrl = baseUrl;
        Control = new HttpClient { BaseAddress = baseUrl };
    }

    public Uri BaseUrl { get; }

    /// <summary>A plain client for the control API and raw calls, outside any resilience pipeline.</summary>
    public HttpClient Control { get; }

    public IServiceProvider Clients => _clients.Services;

    public T Client<T>()
        where T : notnull => _clients.Services.GetRequiredService<T>();

    /// <param name="clientSettings">Overrides of <see cref="ClientSettings"/> for the Infrastructure clients, e.g. <c>Erp:Throttling:RequestsPerSecond</c>.</param>
    public static async Task<SimulatorHost> StartAsync(IDictionary<string, string?>? simulatorSettings = null, IDictionary<string, string?>? clientSettings = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["urls"] = "http://127.0.0.1:0",
            ["Shipments:Sources:wms:Secret"] = WmsSecret,
            ["Simulators:Wms:AutoShip"] = "false",
            ["Simulators:Wms:CallbackBaseDelay"] = "00:00:00.020",
            ["Simulators:Faults:TimeoutHold"] = "00:00:05",
        };
        foreach (var (key, value) in simulatorSettings ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        var simulator = SimulatorApp.Create(
            new WebApplicationOptions { ContentRootPath = Directory.CreateTempSubdirectory("simulator-tests-").FullName, EnvironmentName = "Testing" },
            builder =>
            {
                builder.Configuration.AddInMemoryCollection(settings);
                builder.Logging.ClearProviders();
            });
        await simulator.StartAsync();
        var address = new Uri(simulator.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First());

        var clients = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        var clientConfiguration = ClientSettings(address);
        foreach (var (key, value) in clientSettings ?? new Dictionary<string, string?>())
        {
            clientConfiguration[key] = value;
        }

        clients.Configuration.AddInMemoryCollection(clientConfiguration);
        clients.AddBackOfficeClients();
        var host = clients.Build();
        await host.StartAsync();
        return new SimulatorHost(simulator, host, address);
    }

    public static Dictionary<string, string?> ClientSettings(Uri simulator) => new()
    {
        ["BackOffice:Erp:BaseUrl"] = new Uri(simulator, "/erp").ToString(),
        ["BackOffice:Wms:BaseUrl"] = new Uri(simulator, "/wms").ToString(),
        ["Channels:Shopify:ApiBaseUrl"] = new Uri(simulator, "/shopify").ToString(),
        ["Channels:Amazon:ApiBaseUrl"] = new Uri(simulator, "/amazon").ToString(),
        ["Channels:Walmart:ApiBaseUrl"] = new Uri(simulator, "/walmart").ToString(),
        ["BackOffice:Resilience:MaxRetryAttempts"] = MaxRetryAttempts.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["BackOffice:Resilience:BaseDelay"] = "00:00:00.010",
        ["BackOffice:Resilience:MaxDelay"] = "00:00:05",
        ["BackOffice:Resilience:AttemptTimeout"] = "00:00:01",
        ["BackOffice:Resilience:TotalTimeout"] = "00:00:15",
    };

    public async Task FaultAsync(string system, object fault)
    {
        using var response = await Control.PostAsJsonAsync($"/_sim/faults/{system}", fault);
        response.EnsureSuccessStatusCode();
    }

    public async Task<JsonNode> GetJsonAsync(string path) =>
        JsonNode.Parse(await Control.GetStringAsync(path)) ?? throw new InvalidOperationException($"{path} returned null");

    /// <summary>The counters of one operation, e.g. <c>("erp", "createSalesOrder")</c>.</summary>
    public async Task<(long Requests, long Faulted, long Throttled, long Replayed)> CountersAsync(string system, string operation)
    {
        var counters = (await GetJsonAsync($"/_sim/{system}/counters"))[operation];
        return (
            counters?["requests"]?.GetValue<long>() ?? 0,
            counters?["faulted"]?.GetValue<long>() ?? 0,
            counters?["throttled"]?.GetValue<long>() ?? 0,
            counters?["replayed"]?.GetValue<long>() ?? 0);
    }

    public async ValueTask DisposeAsync()
    {
        Control.Dispose();
        await _clients.StopAsync();
        _clients.Dispose();
        await _simulator.StopAsync();
        await _simulator.DisposeAsync();
    }
}
