using RetailFunctions.Core.Webhooks;

namespace RetailFunctions.Core.Channels.Amazon;

public sealed class AmazonOptions : ISigningSecrets
{
    public const string SectionName = "Channels:Amazon";

    /// <summary>The key the SQS/EventBridge relay sends in <c>X-Api-Key</c> (Key Vault reference in Azure).</summary>
    public string ApiKey { get; set; } = "";

    /// <summary>The key being rotated out; accepted alongside <see cref="ApiKey"/> while set.</summary>
    public string? PreviousApiKey { get; set; }

    string? ISigningSecrets.CurrentSecret => ApiKey;

    string? ISigningSecrets.PreviousSecret => PreviousApiKey;
}
