using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using RetailFunctions.Core.Shipments;

namespace RetailFunctions.Infrastructure.Shipments;

public static class ShipmentsInfrastructureExtensions
{
    public static IHostApplicationBuilder AddShipmentStorage(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<IParkedShipments, TableParkedShipments>();
        return builder;
    }
}
