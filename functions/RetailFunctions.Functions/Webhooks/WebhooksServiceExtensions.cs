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
        AddSecret<ShopifyOptions>(builder, ShopifyOptions.SectionName, o => o.WebhookSecret, "WebhookSecret");
        AddSecret<WalmartOptions>(builder, WalmartOptions.SectionName, o => o.WebhookSecret, "WebhookSecret");
        AddSecret<PosOptions>(builder, PosOptions.SectionName, o => o.WebhookSecret, "WebhookSecret");
        AddSecret<AmazonOptions>(builder, AmazonOptions.SectionName, o => o.ApiKey, "ApiKey");
        builder.Services.AddSingleton<WebhookGate>();
        builder.Services.AddSingleton<ShopifyWebhookChannel>();
        builder.Services.AddSingleton<AmazonWebhookChannel>();
        builder.Services.AddSingleton<WalmartWebhookChannel>();
        builder.Services.AddSingleton<PosWebhookChannel>();
        return builder;
    }

    private static void AddSecret<TOptions>(IHostApplicationBuilder builder, string section, Func<TOptions, string> secret, string key)
        where TOptions : class =>
        builder.Services.AddOptions<TOptions>().BindConfiguration(section)
            .Validate(o => !string.IsNullOrWhiteSpace(secret(o)), $"{section}:{key} is required.")
            .ValidateOnStart();
}
