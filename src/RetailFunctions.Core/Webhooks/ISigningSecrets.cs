namespace RetailFunctions.Core.Webhooks;

/// <summary>
/// Options that hold one sender's signing secret (or API key) under its contract key, and the secret being rotated out
/// under the same key with <c>Previous</c> in front of its last segment: <c>Channels:Shopify:WebhookSecret</c> and
/// <c>Channels:Shopify:PreviousWebhookSecret</c>, <c>Inventory:AdjustmentsSecret</c> and
/// <c>Inventory:PreviousAdjustmentsSecret</c>, <c>Shipments:Sources:{source}:Secret</c> and <c>…:PreviousSecret</c>.
/// While both are set both are accepted; every verifier checks each of <see cref="WebhookSecrets.ActiveSecrets"/> in
/// constant time and without stopping at a match, so the answer's timing never tells which secret signed.
/// </summary>
public interface ISigningSecrets
{
    /// <summary>The secret senders sign with now (a Key Vault reference in Azure); required.</summary>
    string? CurrentSecret { get; }

    /// <summary>The secret being rotated out; unset once every sender signs with the current one.</summary>
    string? PreviousSecret { get; }
}
