using System.Security.Cryptography;
using System.Text;

namespace RetailFunctions.Core.Webhooks;

/// <summary>Shopify's <c>X-Shopify-Hmac-Sha256</c>: base64 HMAC-SHA256 of the raw request body keyed with the app secret.</summary>
public static class ShopifyWebhookSignature
{
    private const int HashSize = HMACSHA256.HashSizeInBytes;

    /// <param name="secrets">Every secret currently accepted; two are active while a secret is being rotated.</param>
    public static bool IsValid(ReadOnlySpan<byte> body, string? base64Header, IReadOnlyList<string> secrets)
    {
        ArgumentNullException.ThrowIfNull(secrets);
        if (string.IsNullOrWhiteSpace(base64Header))
        {
            return false;
        }

        Span<byte> received = stackalloc byte[HashSize];
        if (!Convert.TryFromBase64String(base64Header.Trim(), received, out var written) || written != HashSize)
        {
            return false;
        }

        Span<byte> expected = stackalloc byte[HashSize];
        var valid = false;
        foreach (var secret in secrets)
        {
            // An empty key is a configuration mistake; accepting it would let anyone sign.
            if (string.IsNullOrEmpty(secret))
            {
                continue;
            }

            HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body, expected);
            valid |= CryptographicOperations.FixedTimeEquals(expected, received);
        }

        return valid;
    }

    /// <summary>The header value Shopify would send for <paramref name="body"/>.</summary>
    public static string Sign(ReadOnlySpan<byte> body, string secret)
    {
        ArgumentException.ThrowIfNullOrEmpty(secret);
        return Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body));
    }
}
