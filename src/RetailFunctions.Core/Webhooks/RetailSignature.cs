using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace RetailFunctions.Core.Webhooks;

/// <summary>
/// <c>X-Retail-Signature: t={unix seconds},v1={hex HMAC-SHA256 of "{t}.{raw body}"}</c>, used by POS, shipment callbacks,
/// inventory adjustments and catalog changes. Binding the timestamp into the MAC lets the tolerance window stop replays.
/// </summary>
public static class RetailSignature
{
    public const string HeaderName = "X-Retail-Signature";

    private const int HashSize = HMACSHA256.HashSizeInBytes;

    // Beyond this DateTimeOffset cannot represent the instant.
    private const long MaxUnixSeconds = 253_402_300_799;

    /// <param name="secrets">Every secret currently accepted; two are active while a secret is being rotated.</param>
    /// <param name="tolerance">How far the signed timestamp may be from <paramref name="now"/>, in either direction.</param>
    public static RetailSignatureResult Verify(
        ReadOnlySpan<byte> body,
        string? header,
        IReadOnlyList<string> secrets,
        DateTimeOffset now,
        TimeSpan tolerance)
    {
        ArgumentNullException.ThrowIfNull(secrets);
        ArgumentOutOfRangeException.ThrowIfLessThan(tolerance, TimeSpan.Zero);

        if (string.IsNullOrWhiteSpace(header))
        {
            return RetailSignatureResult.Missing;
        }

        if (!TryParse(header, out var timestampText, out var timestamp, out var signatures))
        {
            return RetailSignatureResult.Malformed;
        }

        if (Math.Abs(now.ToUnixTimeSeconds() - timestamp) > (long)tolerance.TotalSeconds)
        {
            return RetailSignatureResult.Expired;
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

            ComputeMac(body, timestampText, secret, expected);
            foreach (var signature in signatures)
            {
                valid |= CryptographicOperations.FixedTimeEquals(expected, signature);
            }
        }

        return valid ? RetailSignatureResult.Valid : RetailSignatureResult.Mismatch;
    }

    /// <summary>The header value a sender puts on <paramref name="body"/> at <paramref name="timestamp"/>.</summary>
    public static string Create(ReadOnlySpan<byte> body, string secret, DateTimeOffset timestamp)
    {
        ArgumentException.ThrowIfNullOrEmpty(secret);

        var timestampText = timestamp.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        Span<byte> mac = stackalloc byte[HashSize];
        ComputeMac(body, timestampText, secret, mac);
        return $"t={timestampText},v1={Convert.ToHexStringLower(mac)}";
    }

    private static void ComputeMac(ReadOnlySpan<byte> body, string timestampText, string secret, Span<byte> destination)
    {
        using var hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, Encoding.UTF8.GetBytes(secret));
        hmac.AppendData(Encoding.ASCII.GetBytes(timestampText));
        hmac.AppendData("."u8);
        hmac.AppendData(body);
        hmac.GetHashAndReset(destination);
    }

    // Several v1 entries are allowed so a sender can sign with old and new secrets during rotation; unknown keys are
    // ignored so the scheme can grow (v2) without breaking existing receivers.
    private static bool TryParse(string header, out string timestampText, out long timestamp, out List<byte[]> signatures)
    {
        timestampText = string.Empty;
        timestamp = 0;
        signatures = [];
        var hasTimestamp = false;

        foreach (var part in header.Split(',', StringSplitOptions.TrimEntries))
        {
            var separator = part.IndexOf('=', StringComparison.Ordinal);
            if (separator <= 0)
            {
                return false;
            }

            var key = part[..separator];
            var value = part[(separator + 1)..];
            if (key == "t")
            {
                if (hasTimestamp
                    || !long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out timestamp)
                    || timestamp > MaxUnixSeconds)
                {
                    return false;
                }

                hasTimestamp = true;
                timestampText = value;
            }
            else if (key == "v1")
            {
                var signature = new byte[HashSize];
                if (value.Length != HashSize * 2
                    || Convert.FromHexString(value, signature, out _, out _) != OperationStatus.Done)
                {
                    return false;
                }

                signatures.Add(signature);
            }
        }

        return hasTimestamp && signatures.Count > 0;
    }
}
