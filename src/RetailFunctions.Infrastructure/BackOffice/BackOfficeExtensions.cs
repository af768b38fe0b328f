using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;
using RetailFunctions.Core.BackOffice;
using RetailFunctions.Infrastructure.BackOffice.Erp;

namespace RetailFunctions.Infrastructure.BackOffice;

public static class BackOfficeExtensions
{
    /// <summary>
    /// Typed HTTP clients for the ERP, the WMS and the channel order APIs, each behind the standard resilience
    /// handler (retries honour <c>Retry-After</c>). Base URLs are required and checked at start.
    /// Channel order APIs resolve as <c>IEnumerable&lt;IChannelOrderApi&gt;</c>, one per <see cref="IChannelOrderApi.Channel"/>.
    /// Safe to call from every context that needs them: a second call adds nothing (a second resilience handler would nest retries).
    /// </summary>
    public static IHostApplicationBuilder AddBackOfficeClients(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        // Several contexts need the clients; registering them twice would stack a second resilience pipeline.
        if (services.Any(d => d.ServiceType == typeof(IErpClient)))
        {
            return builder;
        }

        services.AddOptions<BackOfficeResilienceOptions>()
            .BindConfiguration(BackOfficeResilienceOptions.SectionName)
            .Validate(o => o.Validate() is null, $"{BackOfficeResilienceOptions.SectionName} is invalid: check retry counts, delays, timeouts and MaxInlineRetryAfter (>= 0).")
            .ValidateOnStart();
        foreach (var (system, (section, urlKey)) in BackOfficeSystems.Endpoints)
        {
            services.AddOptions<BackOfficeEndpointOptions>(system)
                .BindConfiguration(section)
                .PostConfigure<Microsoft.Extensions.Configuration.IConfiguration>((o, configuration) =>
                    o.BaseUrl = Uri.TryCreate(configuration[$"{section}:{urlKey}"], UriKind.Absolute, out var url) ? url : null)
                .Validate(o => o.BaseUrl?.Scheme is "http" or "https", $"{section}:{urlKey} must be an absolute http(s) URL.")
                .ValidateOnStart();
        }

        services.AddErpPort();
        services.AddHttpClient<HttpErpClient>((sp, c) => Configure(sp, c, BackOfficeSystems.Erp)).AddErpThrottling();
        services.AddHttpClient<IWmsClient, HttpWmsClient>((sp, c) => Configure(sp, c, BackOfficeSystems.Wms)).AddBackOfficeResilience();
        services.AddHttpClient<IAmazonOrdersApi, HttpAmazonOrdersApi>((sp, c) =>
        {
            Configure(sp, c, BackOfficeSystems.Amazon);
            if (Endpoint(sp, BackOfficeSystems.Amazon).AccessToken is { Length: > 0 } token)
            {
                c.DefaultRequestHeaders.Add("x-amz-access-token", token);
            }
        }).AddBackOfficeResilience();
        services.AddHttpClient<ShopifyOrderApi>((sp, c) => Configure(sp, c, BackOfficeSystems.Shopify)).AddBackOfficeResilience();
        services.AddHttpClient<AmazonOrderApi>((sp, c) => Configure(sp, c, BackOfficeSystems.Amazon)).AddBackOfficeResilience();
        services.AddHttpClient<WalmartOrderApi>((sp, c) => Configure(sp, c, BackOfficeSystems.Walmart)).AddBackOfficeResilience();
        services.AddTransient<IChannelOrderApi>(sp => sp.GetRequiredService<ShopifyOrderApi>());
        services.AddTransient<IChannelOrderApi>(sp => sp.GetRequiredService<AmazonOrderApi>());
        services.AddTransient<IChannelOrderApi>(sp => sp.GetRequiredService<WalmartOrderApi>());
        return builder;
    }

    internal static void Configure(IServiceProvider services, HttpClient client, string system)
    {
        client.BaseAddress = Endpoint(services, system).BaseAddress();
        // The resilience pipeline owns attempt and total timeouts.
        client.Timeout = Timeout.InfiniteTimeSpan;
    }

    private static BackOfficeEndpointOptions Endpoint(IServiceProvider services, string system) =>
        services.GetRequiredService<IOptionsMonitor<BackOfficeEndpointOptions>>().Get(system);

    /// <summary>The standard resilience handler with the <c>BackOffice:Resilience</c> settings, for every back-office client.</summary>
    /// <param name="breakOnThrottling">False where a throttle paces the calls: 429 then does not count towards opening the circuit.</param>
    internal static void AddBackOfficeResilience(this IHttpClientBuilder builder, bool breakOnThrottling = true) =>
        builder.AddStandardResilienceHandler().Configure((options, services) =>
        {
            if (!breakOnThrottling)
            {
                options.CircuitBreaker.ShouldHandle = args => ValueTask.FromResult(
                    args.Outcome.Result?.StatusCode != System.Net.HttpStatusCode.TooManyRequests && HttpClientResiliencePredicates.IsTransient(args.Outcome));
            }

            var settings = services.GetRequiredService<IOptions<BackOfficeResilienceOptions>>().Value;
            options.Retry.MaxRetryAttempts = settings.MaxRetryAttempts;
            options.Retry.Delay = settings.BaseDelay;
            options.Retry.MaxDelay = settings.MaxDelay;
            options.Retry.BackoffType = DelayBackoffType.Exponential;
            options.Retry.UseJitter = true;
            options.Retry.ShouldRetryAfterHeader = true;
            var isTransient = options.Retry.ShouldHandle;
            options.Retry.ShouldHandle = async args => await isTransient(args) && !IsLeftToTheCaller(args.Outcome.Result, settings.MaxInlineRetryAfter);
            options.AttemptTimeout.Timeout = settings.AttemptTimeout;
            options.TotalRequestTimeout.Timeout = settings.TotalTimeout;
            options.CircuitBreaker.SamplingDuration = TimeSpan.FromTicks(Math.Max(TimeSpan.FromSeconds(30).Ticks, settings.AttemptTimeout.Ticks * 2));
        });

    /// <summary>
    /// A 429 or 503 asking for a longer wait than <paramref name="maxInlineRetryAfter"/>, inside a <see cref="RetryLaterScope"/>:
    /// the response goes back as it is (and becomes a <see cref="BackOfficeUnavailableException"/> with its <c>Retry-After</c>)
    /// instead of holding the caller's worker slot. The circuit breaker has already counted it like any other attempt.
    /// </summary>
    private static bool IsLeftToTheCaller(HttpResponseMessage? response, TimeSpan maxInlineRetryAfter) =>
        RetryLaterScope.IsActive
        && response?.StatusCode is HttpStatusCode.TooManyRequests or HttpStatusCode.ServiceUnavailable
        && BackOfficeHttp.RetryAfter(response) > maxInlineRetryAfter;
}
