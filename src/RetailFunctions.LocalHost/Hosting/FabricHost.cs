using System.Net;
using RetailFunctions.LocalHost.App;
using RetailFunctions.LocalHost.Blobs;
using RetailFunctions.LocalHost.Durable;
using RetailFunctions.LocalHost.Http;
using RetailFunctions.LocalHost.Invocation;
using RetailFunctions.LocalHost.Operations;
using RetailFunctions.LocalHost.Queues;
using RetailFunctions.LocalHost.Timers;

namespace RetailFunctions.LocalHost.Hosting;

/// <summary>
/// Runs a built isolated-worker function app on this machine, generically from its <c>functions.metadata</c>:
/// every trigger is bound here, so adding a function to the app needs no change to the host.
/// </summary>
internal static class FabricHost
{
    private static readonly HashSet<string> SupportedTriggers =
        ["httpTrigger", "queueTrigger", "blobTrigger", "timerTrigger", "orchestrationTrigger", "activityTrigger"];

    public static WebApplication Build(FabricHostOptions options)
    {
        var app = FunctionApp.Load(options.AppDirectory);
        Validate(app);

        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = options.Args, ContentRootPath = app.Directory });
        HostConfiguration.AddLocalSettings(builder.Configuration, options.SettingsFile);
        var hostJson = HostConfiguration.LoadHostJson(app.Directory);
        var settings = new AppSettings(builder.Configuration);
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, options.Port));
        builder.Services.Configure<HostOptions>(h => h.ShutdownTimeout = TimeSpan.FromSeconds(20));
        // The storage provider reports every empty poll at Information; its warnings and errors are what matter here.
        builder.Logging.AddFilter("DurableTask.AzureStorage", LogLevel.Warning);

        builder.Services.AddMvcCore();
        builder.Services.AddSingleton(app);
        builder.Services.AddSingleton(settings);
        builder.Services.AddSingleton(QueueTriggerOptions.From(hostJson));
        builder.Services.AddSingleton<OutputBindingWriter>();
        builder.Services.AddSingleton<FunctionInvoker>();
        builder.Services.AddSingleton(TimeProvider.System);
        var durable = DurableFabric.IsNeeded(app);
        builder.Services.AddSingleton(durable ? FabricReadiness.AwaitingDurable() : FabricReadiness.Ready());
        if (durable)
        {
            DurableFabric.Add(builder, app, settings, hostJson);
        }

        foreach (var function in app.Functions)
        {
            switch (function.TriggerType)
            {
                case "queueTrigger":
                    builder.Services.AddSingleton<IHostedService>(sp => ActivatorUtilities.CreateInstance<QueueTriggerListener>(sp, function));
                    break;
                case "blobTrigger":
                    builder.Services.AddSingleton<IHostedService>(sp => ActivatorUtilities.CreateInstance<BlobTriggerListener>(sp, function));
                    break;
                case "timerTrigger":
                    builder.Services.AddSingleton<IHostedService>(sp => ActivatorUtilities.CreateInstance<TimerTriggerListener>(sp, function));
                    break;
            }
        }

        app.Configure(builder);

        var web = builder.Build();
        if (durable)
        {
            DurableFabric.Map(web);
        }

        var routePrefix = hostJson["extensions:http:routePrefix"] ?? "api";
        HttpFunctionEndpoints.Map(web, app.Functions, routePrefix);
        OpsPage.Map(web, routePrefix);
        web.Lifetime.ApplicationStarted.Register(() => PrintEndpoints(web, app, options.Port));
        return web;
    }

    private static void Validate(FunctionApp app)
    {
        var unsupported = app.Functions
            .Where(f => !SupportedTriggers.Contains(f.TriggerType)
                || f.OutputBindings.Any(b => !OutputBindingWriter.SupportedTypes.Contains((string)b["type"]!)))
            .Select(f => f.Name)
            .ToList();
        if (unsupported.Count > 0)
        {
            throw new NotSupportedException($"The local fabric host cannot run these functions' triggers or output bindings: {string.Join(", ", unsupported)}.");
        }
    }

    private static void PrintEndpoints(WebApplication web, FunctionApp app, int port)
    {
        var lines = app.Functions
            .OrderBy(f => f.TriggerType).ThenBy(f => f.Name)
            .Select(f => f.TriggerType == "httpTrigger"
                ? $"  {f.Name}: [{string.Join(',', f.Trigger["methods"]?.AsArray().Select(m => ((string)m!).ToUpperInvariant()) ?? ["ANY"])}] http://127.0.0.1:{port}/api/{(string?)f.Trigger["route"] ?? f.Name}"
                : $"  {f.Name}: {f.TriggerType} {(string?)f.Trigger["queueName"] ?? (string?)f.Trigger["path"] ?? (string?)f.Trigger["schedule"] ?? ""}".TrimEnd());
        web.Logger.LogInformation("Local fabric host listening on http://127.0.0.1:{Port} with {Count} functions:\n{Functions}\nOperations page: http://127.0.0.1:{Port}/ops", port, app.Functions.Count, string.Join('\n', lines), port);
    }
}
