using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using RetailFunctions.Core.Channels.Amazon;
using RetailFunctions.Core.Channels.Pos;
using RetailFunctions.Core.Channels.Shopify;
using RetailFunctions.Core.Channels.Walmart;
using RetailFunctions.Core.Orders;
using RetailFunctions.Core.Orders.Workflow;
using RetailFunctions.Infrastructure.BackOffice;

namespace RetailFunctions.Functions.Orders;

public static class OrdersServiceExtensions
{
    public static IHostApplicationBuilder AddOrders(this IHostApplicationBuilder builder)
    {
        builder.AddBackOfficeClients();
        builder.Services.AddOptions<OrderToCashOptions>().BindConfiguration(OrderToCashOptions.SectionName)
            .Validate(o => o.Validate() is null, "Orders is invalid: ShipmentTimeout > 0, ErpRetryMaxInterval >= 2 s, ErpOutageTolerance >= ErpRetryMaxInterval.").ValidateOnStart();
        builder.Services.AddSingleton<OrderIngestionHandler>();
        builder.Services.AddSingleton<IChannelEventHandler, ShopifyChannelEventHandler>();
        builder.Services.AddSingleton<IChannelEventHandler, AmazonChannelEventHandler>();
        builder.Services.AddSingleton<IChannelEventHandler, WalmartChannelEventHandler>();
        builder.Services.AddSingleton<IChannelEventHandler, PosChannelEventHandler>();
        builder.Services.AddSingleton<OrderToCashSteps>();
        return builder;
    }
}
