using RetailFunctions.Core.Webhooks;

namespace RetailFunctions.Core.Channels.Shopify;

public sealed class ShopifyOptions
{
    public const string SectionName = "Channels:Shopify";

    /// <summary>The app's webhook signing secret (Key Vault reference in Azure).</summary>
    public string WebhookSecret { get; set; } = "";

    /// <summary>The secret being rotated out; accepted alongside <see cref="WebhookSecret"/> while set.</summary>
    public string? PreviousWebhookSecret { get; set; }

    public IReadOnlyList<string> ActiveSecrets() => WebhookSecrets.Active(WebhookSecret, PreviousWebhookSecret);
}
