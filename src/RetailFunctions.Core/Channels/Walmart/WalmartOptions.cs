using RetailFunctions.Core.Webhooks;

namespace RetailFunctions.Core.Channels.Walmart;

public sealed class WalmartOptions
{
    public const string SectionName = "Channels:Walmart";

    /// <summary>The webhook subscription's HMAC secret (Key Vault reference in Azure).</summary>
    public string WebhookSecret { get; set; } = "";

    /// <summary>The secret being rotated out; accepted alongside <see cref="WebhookSecret"/> while set.</summary>
    public string? PreviousWebhookSecret { get; set; }

    public IReadOnlyList<string> ActiveSecrets() => WebhookSecrets.Active(WebhookSecret, PreviousWebhookSecret);
}
