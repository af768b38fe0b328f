namespace RetailFunctions.Core.Webhooks;

/// <summary>Shopify's <c>X-Shopify-Hmac-Sha256</c>: base64 HMAC-SHA256 of the raw request body keyed with the app secret.</summary>
public static class ShopifyWebhookSignature
{
    /// <param name="secrets">Every secret currently accepted; two are active while a secret is being rotated.</param>
    public static bool IsValid(ReadOnlySpan<byte> body, string? base64Header, IReadOnlyList<string> secrets)
    {
        ArgumentNullException.ThrowIfNull(secrets);
        Span<byte> received = stackalloc byte[HmacSha256Signature.HashSize];
        return HmacSha256Signature.TryDecodeBase64(base64Header, received)
            && HmacSha256Signature.MatchesAny(body, received, secrets);
    }

    /// <summary>The header value Shopify would send for <paramref name="body"/>.</summary>
    public static string Sign(ReadOnlySpan<byte> body, string secret) => HmacSha256Signature.ToBase64(body, secret);
}
