using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using RetailFunctions.Core.Channels.Amazon;
using RetailFunctions.Core.Channels.Pos;
using RetailFunctions.Core.Channels.Shopify;
using RetailFunctions.Core.Channels.Walmart;
using RetailFunctions.Core.Webhooks;

namespace RetailFunctions.Functions.Webhooks;

public static class WebhooksServiceExtensions
{
    public static IHostApplicationBuilder AddWebhooks(this IHostApplicationBuilder builder)
    {
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddOptions<WebhookOptions>().BindConfiguration(WebhookOptions.SectionName)
            .Validate(o => o.MaxBodyBytes > 0, "Webhooks:MaxBodyBytes must be positive.").ValidateOnStart();
        AddSecret<ShopifyOptions>(builder, ShopifyOptions.SectionName, "WebhookSecret");
        AddSecret<WalmartOptions>(builder, WalmartOptions.SectionName, "WebhookSecret");
        AddSecret<PosOptions>(builder, PosOptions.SectionName, "WebhookSecret");
        AddSecret<AmazonOptions>(builder, AmazonOptions.SectionName, "ApiKey");
        builder.Services.AddSingleton<WebhookGate>();
        builder.Services.AddSingleton<ShopifyWebhookChannel>();
        builder.Services.AddSingleton<AmazonWebhookChannel>();
        builder.Services.AddSingleton<WalmartWebhookChannel>();
        builder.Services.AddSingleton<PosWebhookChannel>();
        return builder;
    }

    private static void AddSecret<TOptions>(IHostApplicationBuilder builder, string section, string key)
        where TOptions : class, ISigningSecrets =>
        builder.Services.AddOptions<TOptions>().BindConfiguration(section)
            .RequireSigningSecret($"{section}:{key}")
            .ValidateOnStart();
}
