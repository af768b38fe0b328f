using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using RetailFunctions.Core.Audit;
using RetailFunctions.Core.Inventory;
using RetailFunctions.Core.Orders;
using RetailFunctions.Core.Recovery;
using RetailFunctions.Core.Returns;
using RetailFunctions.Core.Sla;
using RetailFunctions.Infrastructure.Audit;
using RetailFunctions.Infrastructure.BackOffice;
using RetailFunctions.Infrastructure.Recovery;
using RetailFunctions.Infrastructure.Sla;

namespace RetailFunctions.Infrastructure;

public static class SafetyNetInfrastructureExtensions
{
    /// <summary>
    /// The audit trail, the SLA store, the channels' order feeds for missed-webhook recovery, and SLA timing on the
    /// order and return ledgers and the inventory sync store. Call after the contexts that register those ledgers.
    /// </summary>
    public static IHostApplicationBuilder AddSafetyNetInfrastructure(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        builder.AddBackOfficeClients();
        services.TryAddSingleton<IAuditTrail, TableAuditTrail>();
        services.TryAddSingleton<ISlaStore, TableSlaStore>();
        services.AddHttpClient<ShopifyOrderFeed>((sp, c) => BackOfficeExtensions.Configure(sp, c, BackOfficeSystems.Shopify)).AddBackOfficeResilience();
        services.AddHttpClient<AmazonOrderFeed>((sp, c) => BackOfficeExtensions.Configure(sp, c, BackOfficeSystems.Amazon)).AddBackOfficeResilience();
        services.AddHttpClient<WalmartOrderFeed>((sp, c) => BackOfficeExtensions.Configure(sp, c, BackOfficeSystems.Walmart)).AddBackOfficeResilience();
        services.AddTransient<IChannelOrderFeed>(sp => sp.GetRequiredService<ShopifyOrderFeed>());
        services.AddTransient<IChannelOrderFeed>(sp => sp.GetRequiredService<AmazonOrderFeed>());
        services.AddTransient<IChannelOrderFeed>(sp => sp.GetRequiredService<WalmartOrderFeed>());
        services.Decorate<IOrderLedger, SlaTimedOrderLedger>();
        services.Decorate<IReturnLedger, SlaTimedReturnLedger>();
        services.Decorate<IInventorySyncStore, SlaTimedInventorySync>();
        return builder;
    }

    /// <summary>Wraps the last registration of <typeparamref name="TService"/> in <typeparamref name="TDecorator"/>, keeping its lifetime.</summary>
    private static void Decorate<TService, TDecorator>(this IServiceCollection services)
        where TService : class
        where TDecorator : class, TService
    {
        var inner = services.LastOrDefault(d => d.ServiceType == typeof(TService))
            ?? throw new InvalidOperationException($"{typeof(TService).Name} must be registered before it can be decorated.");
        services.Remove(inner);
        services.Add(ServiceDescriptor.Describe(
            typeof(TService),
            sp => ActivatorUtilities.CreateInstance<TDecorator>(sp, Resolve(sp, inner)),
            inner.Lifetime));
    }

    private static object Resolve(IServiceProvider services, ServiceDescriptor descriptor) =>
        descriptor.ImplementationInstance
        ?? descriptor.ImplementationFactory?.Invoke(services)
        ?? ActivatorUtilities.CreateInstance(services, descriptor.ImplementationType!);
}
