using Azure.Core;
using Azure.Identity;
using Azure.Monitor.OpenTelemetry.Exporter;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using RetailFunctions.Core.Telemetry;

namespace RetailFunctions.Infrastructure.Telemetry;

public static class TelemetryExtensions
{
    public const string ApplicationInsightsConnection = "APPLICATIONINSIGHTS_CONNECTION_STRING";
    public const string ApplicationInsightsAuthentication = "APPLICATIONINSIGHTS_AUTHENTICATION_STRING";
    public const string ConsoleSetting = "Telemetry:Console";
    private const string InnerLoggerFactory = "RetailFunctions.Unredacted";

    /// <summary>
    /// <see cref="RetailMetrics"/> and log redaction always; OpenTelemetry traces, metrics and logs to Application
    /// Insights when <c>APPLICATIONINSIGHTS_CONNECTION_STRING</c> is set (Entra ID auth from
    /// <c>APPLICATIONINSIGHTS_AUTHENTICATION_STRING</c>), to the console when <c>Telemetry:Console</c> is true.
    /// </summary>
    public static IHostApplicationBuilder AddRetailTelemetry(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddMetrics();
        services.TryAddSingleton<RetailMetrics>();
        var redactor = TelemetryRedactor.FromConfiguration(builder.Configuration);
        services.AddSingleton(redactor);
        RedactAllLogging(services, redactor);

        var connectionString = builder.Configuration[ApplicationInsightsConnection];
        var toAzureMonitor = !string.IsNullOrWhiteSpace(connectionString);
        var toConsole = builder.Configuration.GetValue<bool>(ConsoleSetting);
        if (!toAzureMonitor && !toConsole)
        {
            return builder;
        }

        services.AddHostedService<PoisonQueueMonitor>();
        var telemetry = services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(builder.Configuration["WEBSITE_SITE_NAME"] ?? "RetailFunctions"))
            .WithTracing(t => t
                .AddSource(RetailActivity.SourceName)
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddProcessor(new RedactingActivityProcessor(redactor)))
            .WithMetrics(m => m
                .AddMeter(RetailMetrics.MeterName)
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation())
            .WithLogging(configureBuilder: null, configureOptions: o =>
            {
                o.IncludeFormattedMessage = true;
                o.IncludeScopes = true;
            });

        if (toConsole)
        {
            telemetry
                .WithTracing(t => t.AddConsoleExporter())
                .WithMetrics(m => m.AddConsoleExporter())
                .WithLogging(l => l.AddConsoleExporter());
        }

        if (toAzureMonitor)
        {
            var credential = Credential(builder.Configuration[ApplicationInsightsAuthentication]);
            telemetry.UseAzureMonitorExporter(o =>
            {
                o.ConnectionString = connectionString;
                o.Credential = credential;
            });
        }

        return builder;
    }

    /// <summary>
    /// Puts <see cref="RedactingLoggerFactory"/> in front of the registered logger factory, so every provider the host
    /// or the app adds, now or later, receives redacted entries only.
    /// </summary>
    private static void RedactAllLogging(IServiceCollection services, TelemetryRedactor redactor)
    {
        var registered = services.LastOrDefault(d => d.ServiceType == typeof(ILoggerFactory) && !d.IsKeyedService)
            ?? throw new InvalidOperationException("AddRetailTelemetry needs logging to be registered first (any host builder does).");
        services.Remove(registered);
        services.Add(registered switch
        {
            { ImplementationType: { } type } => ServiceDescriptor.KeyedSingleton(typeof(ILoggerFactory), InnerLoggerFactory, type),
            { ImplementationFactory: { } factory } => ServiceDescriptor.KeyedSingleton(typeof(ILoggerFactory), InnerLoggerFactory, (sp, _) => factory(sp)),
            _ => ServiceDescriptor.KeyedSingleton(typeof(ILoggerFactory), InnerLoggerFactory, registered.ImplementationInstance!),
        });
        services.AddSingleton<ILoggerFactory>(sp => new RedactingLoggerFactory(sp.GetRequiredKeyedService<ILoggerFactory>(InnerLoggerFactory), redactor));
    }

    /// <summary>Entra ID for Application Insights with local auth off: <c>Authorization=AAD;ClientId=…</c>.</summary>
    private static TokenCredential? Credential(string? authentication)
    {
        var parts = (authentication ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(p => p.Split('=', 2))
            .Where(p => p.Length == 2)
            .ToDictionary(p => p[0], p => p[1], StringComparer.OrdinalIgnoreCase);
        if (!parts.TryGetValue("Authorization", out var mode) || !mode.Equals("AAD", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        return parts.TryGetValue("ClientId", out var clientId)
            ? new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(clientId))
            : new DefaultAzureCredential();
    }
}
