using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using RetailFunctions.Core.BackOffice;
using RetailFunctions.Core.Returns;
using RetailFunctions.Infrastructure.BackOffice;

namespace RetailFunctions.Infrastructure.Returns;

public static class ReturnsInfrastructureExtensions
{
    /// <summary>The return ledger and the channels' refund APIs (behind the back-office resilience handler).</summary>
    public static IHostApplicationBuilder AddReturnsInfrastructure(this IHostApplicationBuilder builder)
    {
        builder.AddBackOfficeClients();
        builder.Services.AddSingleton<IReturnLedger, TableReturnLedger>();
        builder.Services.AddHttpClient<ShopifyRefundApi>((sp, c) => BackOfficeExtensions.Configure(sp, c, BackOfficeSystems.Shopify)).AddBackOfficeResilience();
        builder.Services.AddTransient<IChannelRefundApi>(sp => sp.GetRequiredService<ShopifyRefundApi>());
        builder.Services.AddHttpClient<WalmartRefundApi>((sp, c) => BackOfficeExtensions.Configure(sp, c, BackOfficeSystems.Walmart)).AddBackOfficeResilience();
        builder.Services.AddTransient<IChannelRefundApi>(sp => sp.GetRequiredService<WalmartRefundApi>());
        builder.Services.AddHttpClient<AmazonRefundApi>((sp, c) => BackOfficeExtensions.Configure(sp, c, BackOfficeSystems.Amazon)).AddBackOfficeResilience();
        builder.Services.AddTransient<IChannelRefundApi>(sp => sp.GetRequiredService<AmazonRefundApi>());
        return builder;
    }
}
