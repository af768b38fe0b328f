using Microsoft.Extensions.DependencyInjection.Extensions;
using RetailFunctions.Simulators.Amazon;
using RetailFunctions.Simulators.Control;
using RetailFunctions.Simulators.Erp;
using RetailFunctions.Simulators.Faults;
using RetailFunctions.Simulators.Gateway;
using RetailFunctions.Simulators.Idempotency;
using RetailFunctions.Simulators.LegacyErp;
using RetailFunctions.Simulators.Pos;
using RetailFunctions.Simulators.RateLimits;
using RetailFunctions.Simulators.Shopify;
using RetailFunctions.Simulators.Walmart;
using RetailFunctions.Simulators.Webhooks;
using RetailFunctions.Simulators.Wms;

namespace RetailFunctions.Simulators;

public static class SimulatorServices
{
    public static IServiceCollection AddSimulators(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.TypeInfoResolverChain.Insert(0, SimulatorJson.Default));
        services.AddOptions<FaultOptions>().BindConfiguration(FaultOptions.SectionName);
        services.AddOptions<RateLimitOptions>()
            .Configure(o => configuration.GetSection(RateLimitOptions.SectionName).Bind(o.Systems))
            .Validate(o => o.Systems.Values.SelectMany(s => s.Values).All(s => s.RatePerSecond > 0 && s.Burst >= 1), "Every rate limit needs RatePerSecond > 0 and Burst >= 1.")
            .ValidateOnStart();

        services.AddSingleton<FaultRegistry>();
        services.AddSingleton<RateLimitRegistry>();
        services.AddSingleton<IdempotencyStore>();
        services.AddSingleton<OperationCounters>();
        services.AddSingleton<SimulatorReset>();

        services.AddSimulatedSystem<ErpState>();

        services.AddOptions<WmsOptions>().BindConfiguration(WmsOptions.SectionName)
            .Validate(o => o.FabricBaseUrl.IsAbsoluteUri, "Simulators:Wms:FabricBaseUrl must be an absolute URL.")
            .Validate(o => o.CallbackMaxAttempts >= 1 && o.CallbackBaseDelay >= TimeSpan.Zero && o.ShipDelay >= TimeSpan.Zero, "Simulators:Wms retry and delay settings are out of range.")
            .ValidateOnStart();
        services.AddOptions<WmsCallbackSecretOptions>().BindConfiguration(WmsCallbackSecretOptions.SectionName)
            .Validate(o => !string.IsNullOrEmpty(o.Secret), "Shipments:Sources:wms:Secret is required to sign shipment callbacks.")
            .ValidateOnStart();
        services.AddHttpClient(ShipmentCallbackDispatcher.HttpClientName, c => c.Timeout = TimeSpan.FromSeconds(10));
        services.AddSimulatedSystem<WmsState>();
        services.AddSimulatedSystem<ShopifyState>();
        services.AddSimulatedSystem<AmazonState>();
        services.AddSimulatedSystem<WalmartState>();
        services.AddOptions<ChannelWebhookOptions>().BindConfiguration(ChannelWebhookOptions.SectionName)
            .Validate(o => o.FabricBaseUrl.IsAbsoluteUri, "Simulators:Webhooks:FabricBaseUrl must be an absolute URL.")
            .ValidateOnStart();
        services.AddHttpClient(ChannelWebhookSender.HttpClientName, c => c.Timeout = TimeSpan.FromSeconds(10));
        services.AddSimulatedSystem<ChannelWebhookSender>();
        services.AddSimulatedSystem<PosState>();
        services.AddSingleton<ShipmentCallbackDispatcher>();
        services.AddHostedService(sp => sp.GetRequiredService<ShipmentCallbackDispatcher>());
        services.AddOptions<LegacyErpOptions>().BindConfiguration(LegacyErpOptions.SectionName)
            .Validate(o => o.PollInterval >= TimeSpan.FromMilliseconds(50), "Simulators:LegacyErp:PollInterval must be at least 50 ms.")
            .ValidateOnStart();
        services.AddSingleton<LegacyErpBook>();
        services.AddHostedService<LegacyErpProcessor>();
        return services;
    }

    private static void AddSimulatedSystem<T>(this IServiceCollection services)
        where T : class, ISimulatedSystem
    {
        services.AddSingleton<T>();
        services.AddSingleton<ISimulatedSystem>(sp => sp.GetRequiredService<T>());
    }
}
