using System.Security.Cryptography;
using System.Text;

namespace RetailFunctions.Core.Webhooks;

/// <summary>Checks a received HMAC-SHA256 against every active secret, in constant time.</summary>
public static class HmacSha256Signature
{
    public const int HashSize = HMACSHA256.HashSizeInBytes;

    public static bool MatchesAny(ReadOnlySpan<byte> message, ReadOnlySpan<byte> received, IReadOnlyList<string> secrets)
    {
        ArgumentNullException.ThrowIfNull(secrets);
        if (received.Length != HashSize)
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

            HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), message, expected);
            valid |= CryptographicOperations.FixedTimeEquals(expected, received);
        }

        return valid;
    }

    public static string ToBase64(ReadOnlySpan<byte> message, string secret)
    {
        ArgumentException.ThrowIfNullOrEmpty(secret);
        return Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), message));
    }

    /// <summary>Decodes a base64 MAC header; false for anything that is not exactly one SHA-256 MAC.</summary>
    public static bool TryDecodeBase64(string? header, Span<byte> destination)
    {
        if (string.IsNullOrWhiteSpace(header) || destination.Length != HashSize)
        {
            return false;
        }

        return Convert.TryFromBase64String(header.Trim(), destination, out var written) && written == HashSize;
    }
}
