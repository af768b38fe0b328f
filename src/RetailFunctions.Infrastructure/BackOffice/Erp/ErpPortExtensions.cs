using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RetailFunctions.Core.BackOffice;
using RetailFunctions.Core.BackOffice.Erp;
using RetailFunctions.Infrastructure.Storage;

namespace RetailFunctions.Infrastructure.BackOffice.Erp;

internal static class ErpPortExtensions
{
    /// <summary>
    /// <see cref="IErpClient"/> as the <see cref="ErpRouter"/> over the cloud ERP (<see cref="HttpErpClient"/>, whose
    /// typed client the caller registers with <see cref="AddErpThrottling"/>) and the legacy file ERP.
    /// </summary>
    public static void AddErpPort(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<ErpRoutingOptions>()
            .BindConfiguration(ErpRoutingOptions.SectionName)
            .Validate(o => o.Sites.Values.All(s => s is not null), $"{ErpRoutingOptions.SectionName}:Sites has an empty entry.")
            .ValidateOnStart();
        services.AddOptions<ErpThrottlingOptions>()
            .BindConfiguration(ErpThrottlingOptions.SectionName)
            .Validate(o => o.Validate() is null, $"{ErpThrottlingOptions.SectionName} is invalid: RequestsPerSecond > 0, Burst, MaxConcurrency >= 1, QueueLimit >= 0.")
            .ValidateOnStart();
        services.AddOptions<LegacyErpOptions>()
            .BindConfiguration(LegacyErpOptions.SectionName)
            .Validate(o => o.Validate() is null, $"{LegacyErpOptions.SectionName} is invalid: PollInterval >= 50 ms and AcknowledgementWait >= PollInterval.")
            .ValidateOnStart();

        services.AddSingleton<ErpThrottle>();
        services.AddTransient<ErpConcurrencyHandler>();
        services.AddTransient<ErpRateHandler>();
        // The fabric registers storage with its other stores; a host that only needs the back-office clients gets it here.
        services.TryAddSingleton<StorageClients>();
        services.AddSingleton<BlobLegacyErpClient>();
        services.AddTransient<IErpClient>(sp => new ErpRouter(
            sp.GetRequiredService<HttpErpClient>(),
            new Lazy<IErpClient>(sp.GetRequiredService<BlobLegacyErpClient>),
            sp.GetRequiredService<IOptionsMonitor<ErpRoutingOptions>>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<ErpRouter>>()));
    }

    /// <summary>The cloud ERP client: slot (outside) → resilience handler → token per attempt (inside).</summary>
    public static void AddErpThrottling(this IHttpClientBuilder client)
    {
        client.AddHttpMessageHandler<ErpConcurrencyHandler>();
        // 429 is the ERP pacing us, not failing: it must not open the circuit for every other call.
        client.AddBackOfficeResilience(breakOnThrottling: false);
        client.AddHttpMessageHandler<ErpRateHandler>();
    }
}
