using System.Security.Cryptography;
using System.Text;

namespace RetailFunctions.Core.Webhooks;

/// <summary>A shared API key presented in a header (the Amazon notification relay's <c>X-Api-Key</c>).</summary>
public static class WebhookApiKey
{
    /// <param name="keys">Every key currently accepted; two are active while a key is being rotated.</param>
    public static bool Matches(string? presented, IReadOnlyList<string> keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        if (string.IsNullOrEmpty(presented))
        {
            return false;
        }

        // Comparing fixed-size hashes keeps the time spent independent of where, and whether, the lengths differ.
        Span<byte> received = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes(presented), received);

        Span<byte> expected = stackalloc byte[SHA256.HashSizeInBytes];
        var valid = false;
        foreach (var key in keys)
        {
            // An empty key is a configuration mistake; accepting it would let anyone in.
            if (string.IsNullOrEmpty(key))
            {
                continue;
            }

            SHA256.HashData(Encoding.UTF8.GetBytes(key), expected);
            valid |= CryptographicOperations.FixedTimeEquals(expected, received);
        }

        return valid;
    }
}
