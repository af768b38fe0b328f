namespace RetailFunctions.Simulators.Webhooks;

/// <summary>
/// <c>Simulators:Webhooks</c>: where order webhooks go. The channels sign them with the fabric's own settings
/// (<c>Channels:Shopify:WebhookSecret</c>, <c>Channels:Walmart:WebhookSecret</c>, <c>Channels:Amazon:ApiKey</c>).
/// </summary>
public sealed class ChannelWebhookOptions
{
    public const string SectionName = "Simulators:Webhooks";

    public Uri FabricBaseUrl { get; set; } = new("http://127.0.0.1:7071");
}
