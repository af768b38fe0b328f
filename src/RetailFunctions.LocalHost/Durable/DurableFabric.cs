using System.Net;
using System.Net.Sockets;
using DurableTask.AzureStorage;
using DurableTask.Core;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Worker;
using RetailFunctions.LocalHost.App;
using RetailFunctions.LocalHost.Invocation;

namespace RetailFunctions.LocalHost.Durable;

/// <summary>
/// Durable Functions for the local host: the Durable Task gRPC sidecar (<see cref="ReadinessReportingSidecar"/>) on its own
/// HTTP/2 port over the Azure Storage backend on Azurite, a worker that runs the app's orchestrator and activity
/// functions, and the client handed to <c>durableClient</c> bindings.
/// </summary>
internal static class DurableFabric
{
    private static readonly string[] DurableTriggers = ["orchestrationTrigger", "activityTrigger", "entityTrigger"];

    public static bool IsNeeded(FunctionApp app) =>
        app.Functions.Any(f => DurableTriggers.Contains(f.TriggerType) || f.Bindings.Any(b => (string?)b["type"] == "durableClient"));

    public static int Add(WebApplicationBuilder builder, FunctionApp app, AppSettings settings, IConfiguration hostJson)
    {
        // The worker builds orchestrators through a parameterless factory, so they reach the invoker through this.
        var services = new ServiceProviderHolder();
        builder.Services.AddSingleton(services);
        var entity = app.Functions.FirstOrDefault(f => f.TriggerType == "entityTrigger");
        if (entity is not null)
        {
            throw new NotSupportedException($"Function '{entity.Name}': entity triggers are not supported by the local fabric host yet.");
        }

        var port = FreeLoopbackPort();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, port, l => l.Protocols = HttpProtocols.Http2));

        var options = DurableTaskHubOptions.From(hostJson);
        builder.Configuration.GetSection("LocalHost:Durable").Bind(options);
        var taskHubStorage = settings.ConnectionString(options.ConnectionName);
        builder.Services.AddSingleton(sp => new AzureStorageOrchestrationService(new AzureStorageOrchestrationServiceSettings
        {
            StorageAccountClientProvider = new StorageAccountClientProvider(taskHubStorage),
            TaskHubName = options.HubName,
            PartitionCount = options.PartitionCount,
            WorkerId = $"{Dns.GetHostName()}-{Environment.ProcessId}",
            LeaseInterval = options.LeaseInterval,
            LeaseRenewInterval = options.LeaseRenewInterval,
            LeaseAcquireInterval = options.LeaseAcquireInterval,
            MaxQueuePollingInterval = options.MaxQueuePollingInterval,
            MaxConcurrentTaskActivityWorkItems = options.MaxConcurrentActivities,
            MaxConcurrentTaskOrchestrationWorkItems = options.MaxConcurrentOrchestrations,
            ControlQueueVisibilityTimeout = options.ControlQueueVisibilityTimeout,
            WorkItemQueueVisibilityTimeout = options.WorkItemQueueVisibilityTimeout,
            LoggerFactory = sp.GetRequiredService<ILoggerFactory>(),
        }));
        builder.Services.AddSingleton<IOrchestrationService>(sp => new RedeliveryFilter(sp.GetRequiredService<AzureStorageOrchestrationService>()));
        builder.Services.AddSingleton<IOrchestrationServiceClient>(sp => sp.GetRequiredService<AzureStorageOrchestrationService>());
        builder.Services.AddHostedService(sp => new TaskHubProvisioner(sp.GetRequiredService<AzureStorageOrchestrationService>()));
        builder.Services.AddGrpc();
        builder.Services.AddSingleton<ReadinessReportingSidecar>();
        builder.Services.AddHostedService<DurableStartWatchdog>();

        var channel = GrpcChannel.ForAddress($"http://127.0.0.1:{port}");
        builder.Services.AddDurableTaskClient(c => c.UseGrpc(channel));
        var workerRegisteredFrom = builder.Services.Count;
        builder.Services.AddDurableTaskWorker(w =>
        {
            w.UseGrpc(channel);
            w.AddTasks(registry =>
            {
                foreach (var function in app.Functions)
                {
                    if (function.TriggerType == "orchestrationTrigger")
                    {
                        registry.AddOrchestrator(function.Name, () => new FunctionOrchestrator(function, services.Get<FunctionInvoker>()));
                    }
                    else if (function.TriggerType == "activityTrigger")
                    {
                        registry.AddActivity(function.Name, sp => new FunctionActivity(function, sp.GetRequiredService<FunctionInvoker>()));
                    }
                }
            });
        });
        WorkerAfterSidecar.Adopt(builder.Services, workerRegisteredFrom);
        return port;
    }

    /// <summary>Maps the sidecar on the built host and lets orchestrator factories reach the host's services.</summary>
    public static void Map(WebApplication web)
    {
        web.Services.GetRequiredService<ServiceProviderHolder>().Services = web.Services;
        web.MapGrpcService<ReadinessReportingSidecar>();
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private sealed class ServiceProviderHolder
    {
        public IServiceProvider? Services { get; set; }

        public T Get<T>()
            where T : notnull =>
            (Services ?? throw new InvalidOperationException("The durable fabric was not bound to the host's services.")).GetRequiredService<T>();
    }

    /// <summary>Creates the task hub's queues, tables and containers before the sidecar starts dispatching.</summary>
    private sealed class TaskHubProvisioner(IOrchestrationService service) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken) => service.CreateIfNotExistsAsync();

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
