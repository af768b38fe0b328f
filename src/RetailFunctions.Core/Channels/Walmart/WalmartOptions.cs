using RetailFunctions.Core.Webhooks;

namespace RetailFunctions.Core.Channels.Walmart;

public sealed class WalmartOptions : WebhookSecretOptions
{
    public const string SectionName = "Channels:Walmart";
}
