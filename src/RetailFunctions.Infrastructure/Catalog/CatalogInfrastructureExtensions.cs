using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using RetailFunctions.Core.Catalog;
using RetailFunctions.Infrastructure.BackOffice;
using RetailFunctions.Infrastructure.Inventory;

namespace RetailFunctions.Infrastructure.Catalog;

public static class CatalogInfrastructureExtensions
{
    /// <summary>
    /// Table-backed master records and publication queue, the <c>catalog-changes</c> queue, the sample product seeder
    /// and the channel listing clients (Shopify, Amazon, Walmart under their channel API URLs; POS under
    /// <c>Channels:Pos:ApiBaseUrl</c>, optional). Needs <see cref="RetailInfrastructureExtensions.AddRetailStorage"/>.
    /// </summary>
    public static IHostApplicationBuilder AddCatalogInfrastructure(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton<ICatalogStore, TableCatalogStore>();
        services.AddSingleton<ICatalogPublishQueue, TableCatalogPublishQueue>();
        services.AddSingleton<ICatalogChangeQueue, StorageQueueCatalogChanges>();
        services.AddSingleton<ICatalogFiles, BlobCatalogFiles>();
        services.AddSingleton<ICatalogConsistencyReports, TableCatalogConsistencyReports>();
        services.AddHostedService<SampleCatalogueProductSeeder>();
        services.AddOptions<CatalogApiOptions>().BindConfiguration(CatalogApiOptions.SectionName)
            .Validate(o => o.FeedPollAttempts >= 1 && o.FeedPollInterval >= TimeSpan.Zero, "Catalog:Api feed polling settings are out of range.")
            .ValidateOnStart();
        services.AddOptions<BackOfficeEndpointOptions>(PosCatalogApi.EndpointName)
            .BindConfiguration("Channels:Pos")
            .PostConfigure<Microsoft.Extensions.Configuration.IConfiguration>((o, configuration) =>
                o.BaseUrl = Uri.TryCreate(configuration["Channels:Pos:ApiBaseUrl"], UriKind.Absolute, out var url) ? url : null);

        builder.AddBackOfficeClients();
        services.AddHttpClient<ShopifyCatalogApi>((sp, c) => InventoryInfrastructureExtensions.Configure(sp, c, BackOfficeSystems.Shopify)).AddChannelPushResilience();
        services.AddHttpClient<AmazonCatalogApi>((sp, c) => InventoryInfrastructureExtensions.Configure(sp, c, BackOfficeSystems.Amazon)).AddChannelPushResilience();
        services.AddHttpClient<WalmartCatalogApi>((sp, c) => InventoryInfrastructureExtensions.Configure(sp, c, BackOfficeSystems.Walmart)).AddChannelPushResilience();
        services.AddHttpClient<PosCatalogApi>((sp, c) =>
        {
            var endpoint = sp.GetRequiredService<IOptionsMonitor<BackOfficeEndpointOptions>>().Get(PosCatalogApi.EndpointName);
            c.BaseAddress = endpoint.BaseUrl is null ? null : endpoint.BaseAddress();
            c.Timeout = Timeout.InfiniteTimeSpan;
        }).AddChannelPushResilience();
        services.AddTransient<ICatalogChannelApi>(sp => sp.GetRequiredService<ShopifyCatalogApi>());
        services.AddTransient<ICatalogChannelApi>(sp => sp.GetRequiredService<AmazonCatalogApi>());
        services.AddTransient<ICatalogChannelApi>(sp => sp.GetRequiredService<WalmartCatalogApi>());
        services.AddTransient<ICatalogChannelApi>(sp => sp.GetRequiredService<PosCatalogApi>());
        return builder;
    }
}
