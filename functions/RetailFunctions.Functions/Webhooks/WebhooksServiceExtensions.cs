using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using RetailFunctions.Core.Channels.Shopify;
using RetailFunctions.Core.Webhooks;

namespace RetailFunctions.Functions.Webhooks;

public static class WebhooksServiceExtensions
{
    public static IHostApplicationBuilder AddWebhooks(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<WebhookOptions>().BindConfiguration(WebhookOptions.SectionName)
            .Validate(o => o.MaxBodyBytes > 0, "Webhooks:MaxBodyBytes must be positive.").ValidateOnStart();
        builder.Services.AddOptions<ShopifyOptions>().BindConfiguration(ShopifyOptions.SectionName)
            .Validate(o => !string.IsNullOrWhiteSpace(o.WebhookSecret), "Channels:Shopify:WebhookSecret is required.").ValidateOnStart();
        builder.Services.AddSingleton<WebhookGate>();
        builder.Services.AddSingleton<ShopifyWebhookChannel>();
        return builder;
    }
}
