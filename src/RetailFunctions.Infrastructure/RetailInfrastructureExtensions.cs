using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using RetailFunctions.Core.Orders;
using RetailFunctions.Core.Recovery;
using RetailFunctions.Core.Webhooks;
using RetailFunctions.Infrastructure.Events;
using RetailFunctions.Infrastructure.Orders;
using RetailFunctions.Infrastructure.Recovery;
using RetailFunctions.Infrastructure.Storage;
using RetailFunctions.Infrastructure.Webhooks;

namespace RetailFunctions.Infrastructure;

public static class RetailInfrastructureExtensions
{
    /// <summary>Storage clients from <c>AzureWebJobsStorage</c>, the stores built on them, and start-up provisioning.</summary>
    public static IHostApplicationBuilder AddRetailStorage(this IHostApplicationBuilder builder)
    {
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<StorageClients>();
        builder.Services.AddSingleton<StorageHealth>();
        builder.Services.AddHostedService<StorageBootstrapper>();
        builder.Services.AddSingleton<IWebhookReceipts, TableWebhookReceipts>();
        builder.Services.AddSingleton<IChannelWatchStore, TableChannelWatchStore>();
        builder.Services.AddSingleton<IRawWebhookArchive, BlobRawWebhookArchive>();
        builder.Services.AddSingleton<IChannelEventQueue, StorageQueueChannelEvents>();
        builder.Services.TryAddSingleton<OutboxTransactions>();
        builder.Services.AddSingleton<IOrderLedger, TableOrderLedger>();
        builder.Services.AddMemoryCache();
        builder.Services.AddSingleton<ISkuMappings, TableSkuMappings>();
        builder.Services.AddHostedService<SampleSkuMappingSeeder>();
        return builder;
    }
}
