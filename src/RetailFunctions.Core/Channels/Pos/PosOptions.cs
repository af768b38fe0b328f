using RetailFunctions.Core.Webhooks;

namespace RetailFunctions.Core.Channels.Pos;

public sealed class PosOptions
{
    public const string SectionName = "Channels:Pos";

    /// <summary>The <c>X-Retail-Signature</c> secret shared with the stores (Key Vault reference in Azure).</summary>
    public string WebhookSecret { get; set; } = "";

    /// <summary>The secret being rotated out; accepted alongside <see cref="WebhookSecret"/> while set.</summary>
    public string? PreviousWebhookSecret { get; set; }

    public IReadOnlyList<string> ActiveSecrets() => WebhookSecrets.Active(WebhookSecret, PreviousWebhookSecret);
}
