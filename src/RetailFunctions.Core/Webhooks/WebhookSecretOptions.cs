namespace RetailFunctions.Core.Webhooks;

/// <summary>A channel's webhook signing secret, with a second one accepted while the secret is being rotated.</summary>
public abstract class WebhookSecretOptions : ISigningSecrets
{
    /// <summary>The current signing secret (Key Vault reference in Azure).</summary>
    public string WebhookSecret { get; set; } = "";

    /// <summary>The secret being rotated out; accepted alongside <see cref="WebhookSecret"/> while set.</summary>
    public string? PreviousWebhookSecret { get; set; }

    string? ISigningSecrets.CurrentSecret => WebhookSecret;

    string? ISigningSecrets.PreviousSecret => PreviousWebhookSecret;
}
