using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using RetailFunctions.Core.Channels.Shopify;
using RetailFunctions.Core.Orders;

namespace RetailFunctions.Functions.Orders;

public static class OrdersServiceExtensions
{
    public static IHostApplicationBuilder AddOrders(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<OrderIngestionHandler>();
        builder.Services.AddSingleton<IChannelEventHandler, ShopifyChannelEventHandler>();
        return builder;
    }
}
