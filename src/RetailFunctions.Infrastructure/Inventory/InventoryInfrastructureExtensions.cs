using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;
using RetailFunctions.Core.Inventory;
using RetailFunctions.Infrastructure.BackOffice;

namespace RetailFunctions.Infrastructure.Inventory;

public static class InventoryInfrastructureExtensions
{
    /// <summary>
    /// Table-backed positions, adjustment watermarks, reservations and sync state, the <c>inventory-changes</c> queue, snapshot reports, the
    /// sample catalogue seeder and the channel inventory clients. Needs <see cref="RetailInfrastructureExtensions.AddRetailStorage"/>.
    /// </summary>
    public static IHostApplicationBuilder AddInventoryInfrastructure(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton<IInventoryPositions, TableInventoryPositions>();
        services.AddSingleton<IAdjustmentWatermarks, TableAdjustmentWatermarks>();
        services.AddSingleton<IInventoryReservations, TableInventoryReservations>();
        services.AddSingleton<IStockReturns, TableStockReturns>();
        services.AddSingleton<IInventorySyncStore, TableInventorySync>();
        services.AddSingleton<IInventoryChangeQueue, StorageQueueInventoryChanges>();
        services.AddSingleton<IInventorySnapshotReports, BlobInventorySnapshotReports>();
        services.AddHostedService<SampleCatalogueSeeder>();

        builder.AddBackOfficeClients();
        services.AddHttpClient<ShopifyInventoryApi>((sp, c) => Configure(sp, c, BackOfficeSystems.Shopify)).AddChannelPushResilience();
        services.AddHttpClient<AmazonInventoryApi>((sp, c) => Configure(sp, c, BackOfficeSystems.Amazon)).AddChannelPushResilience();
        services.AddHttpClient<WalmartInventoryApi>((sp, c) => Configure(sp, c, BackOfficeSystems.Walmart)).AddChannelPushResilience();
        services.AddTransient<IChannelInventoryApi>(sp => sp.GetRequiredService<ShopifyInventoryApi>());
        services.AddTransient<IChannelInventoryApi>(sp => sp.GetRequiredService<AmazonInventoryApi>());
        services.AddTransient<IChannelInventoryApi>(sp => sp.GetRequiredService<WalmartInventoryApi>());
        return builder;
    }

    internal static void Configure(IServiceProvider services, HttpClient client, string system)
    {
        client.BaseAddress = services.GetRequiredService<IOptionsMonitor<BackOfficeEndpointOptions>>().Get(system).BaseAddress();
        client.Timeout = Timeout.InfiniteTimeSpan;
    }

    // Unlike the order clients, a 429 is not waited out inside the call: the dispatcher (inventory fan-out, catalog
    // publisher) rests the channel for its Retry-After and keeps the values pending, so a throttled channel holds up nothing. Transient failures get two
    // quick retries, then the channel rests too.
    internal static void AddChannelPushResilience(this IHttpClientBuilder builder) =>
        builder.AddStandardResilienceHandler().Configure((options, services) =>
        {
            var settings = services.GetRequiredService<IOptions<BackOfficeResilienceOptions>>().Value;
            options.Retry.ShouldHandle = args => ValueTask.FromResult(
                args.Outcome.Result?.StatusCode != HttpStatusCode.TooManyRequests && HttpClientResiliencePredicates.IsTransient(args.Outcome));
            options.Retry.MaxRetryAttempts = Math.Min(2, settings.MaxRetryAttempts);
            options.Retry.Delay = settings.BaseDelay;
            options.Retry.BackoffType = DelayBackoffType.Exponential;
            options.Retry.UseJitter = true;
            options.AttemptTimeout.Timeout = settings.AttemptTimeout;
            options.TotalRequestTimeout.Timeout = settings.AttemptTimeout * 4;
            options.CircuitBreaker.SamplingDuration = TimeSpan.FromTicks(Math.Max(TimeSpan.FromSeconds(30).Ticks, settings.AttemptTimeout.Ticks * 2));
        });
}
