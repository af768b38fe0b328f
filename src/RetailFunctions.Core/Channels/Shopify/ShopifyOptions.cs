using RetailFunctions.Core.Webhooks;

namespace RetailFunctions.Core.Channels.Shopify;

public sealed class ShopifyOptions : WebhookSecretOptions
{
    public const string SectionName = "Channels:Shopify";
}
