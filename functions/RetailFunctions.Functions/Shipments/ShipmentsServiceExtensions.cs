using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using RetailFunctions.Core.Orders;
using RetailFunctions.Core.Shipments;
using RetailFunctions.Infrastructure.Shipments;

namespace RetailFunctions.Functions.Shipments;

public static class ShipmentsServiceExtensions
{
    public static IHostApplicationBuilder AddShipments(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<ShipmentsOptions>().BindConfiguration(ShipmentsOptions.SectionName)
            .Validate(o => o.ParkedAlertAfter > TimeSpan.Zero, "Shipments:ParkedAlertAfter must be positive.").ValidateOnStart();
        builder.AddShipmentStorage();
        builder.Services.AddSingleton<ShipmentCallbackSources>();
        builder.Services.AddSingleton<ShipmentMatcher>();
        builder.Services.AddSingleton<ShipmentMetrics>();
        builder.Services.AddSingleton<ParkedShipmentRematcher>();
        AddSource<WmsShipmentMapper>(builder.Services);
        AddSource<ThirdPartyLogisticsShipmentMapper>(builder.Services);
        AddSource<CarrierShipmentMapper>(builder.Services);
        return builder;
    }

    /// <summary>A callback source: its mapper, and the ingestion handler for what its gate archived.</summary>
    private static void AddSource<TMapper>(IServiceCollection services)
        where TMapper : class, IShipmentMapper
    {
        services.AddSingleton<TMapper>();
        services.AddSingleton<IShipmentMapper>(sp => sp.GetRequiredService<TMapper>());
        services.AddSingleton<IChannelEventHandler>(sp => ActivatorUtilities.CreateInstance<ShipmentEventHandler>(sp, sp.GetRequiredService<TMapper>()));
    }
}
