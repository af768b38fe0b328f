using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using RetailFunctions.Core.Catalog;
using RetailFunctions.Infrastructure.Catalog;
using RetailFunctions.Functions.Webhooks;

namespace RetailFunctions.Functions.Catalog;

public static class CatalogServiceExtensions
{
    /// <summary>Master records, the change API, product files, promotions, per-channel validation and publication, the consistency check.</summary>
    public static IHostApplicationBuilder AddCatalog(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<CatalogOptions>()
            .BindConfiguration(CatalogOptions.SectionName)
            .PostConfigure<IConfiguration>((o, configuration) =>
            {
                foreach (var channel in CatalogChannels.All.Where(c => !o.Channels.ContainsKey(c)))
                {
                    o.Channels[channel] = CatalogChannels.Defaults(channel);
                }

                // Not every estate has a store price-list API: without its URL the POS channel is off.
                if (string.IsNullOrWhiteSpace(configuration["Channels:Pos:ApiBaseUrl"]))
                {
                    o.Channels[CatalogChannels.Pos].Enabled = false;
                }
            })
            .RequireSigningSecret("Catalog:ChangesSecret")
            .Validate(o => o.Validate() is null, "Catalog settings are invalid: check PriceBandPercent, MaxPendingPerRun and Catalog:Channels:{channel}.")
            .ValidateOnStart();

        builder.AddCatalogInfrastructure();
        builder.Services.AddSingleton<CatalogChangeGate>();
        builder.Services.AddSingleton<CatalogChangeHandler>();
        builder.Services.AddSingleton<CatalogFileHandler>();
        builder.Services.AddSingleton<CatalogPromotionGate>();
        builder.Services.AddSingleton<CatalogPromotionSteps>();
        builder.Services.AddSingleton<CatalogPublisher>();
        builder.Services.AddSingleton<CatalogQuery>();
        builder.Services.AddSingleton<CatalogPriceReview>();
        builder.Services.AddSingleton<CatalogConsistencyCheck>();
        return builder;
    }
}
