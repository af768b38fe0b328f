using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace RetailFunctions.Core.Webhooks;

/// <summary>
/// <c>WM_SEC.SIGNATURE</c> = base64 HMAC-SHA256 of <c>METHOD\nPATH\nTIMESTAMP\nhex(sha256(body))</c>, with
/// <c>WM_SEC.TIMESTAMP</c> in Unix epoch milliseconds. Signing method, path and time stops a captured delivery from
/// being replayed later or against another endpoint.
/// </summary>
public static class WalmartWebhookSignature
{
    public const string TimestampHeader = "WM_SEC.TIMESTAMP";
    public const string SignatureHeader = "WM_SEC.SIGNATURE";

    // Beyond this DateTimeOffset cannot represent the instant.
    private const long MaxUnixMilliseconds = 253_402_300_799_999;

    /// <param name="secrets">Every secret currently accepted; two are active while a secret is being rotated.</param>
    /// <param name="tolerance">How far the signed timestamp may be from <paramref name="now"/>, in either direction.</param>
    public static bool IsValid(
        string method,
        string path,
        ReadOnlySpan<byte> body,
        string? timestampHeader,
        string? signatureHeader,
        IReadOnlyList<string> secrets,
        DateTimeOffset now,
        TimeSpan tolerance)
    {
        ArgumentNullException.ThrowIfNull(secrets);
        if (!TryParseTimestamp(timestampHeader, out var timestampText, out var timestamp)
            || Math.Abs(now.ToUnixTimeMilliseconds() - timestamp) > (long)tolerance.TotalMilliseconds)
        {
            return false;
        }

        Span<byte> received = stackalloc byte[HmacSha256Signature.HashSize];
        return HmacSha256Signature.TryDecodeBase64(signatureHeader, received)
            && HmacSha256Signature.MatchesAny(SignedMessage(method, path, timestampText, body), received, secrets);
    }

    /// <summary>The <c>WM_SEC.SIGNATURE</c> value Walmart would send with <c>WM_SEC.TIMESTAMP</c> = <paramref name="timestamp"/>.</summary>
    public static string Sign(string method, string path, ReadOnlySpan<byte> body, DateTimeOffset timestamp, string secret) =>
        HmacSha256Signature.ToBase64(
            SignedMessage(method, path, TimestampOf(timestamp), body),
            secret);

    public static string TimestampOf(DateTimeOffset timestamp) =>
        timestamp.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);

    private static byte[] SignedMessage(string method, string path, string timestampText, ReadOnlySpan<byte> body)
    {
        var bodyHash = Convert.ToHexStringLower(SHA256.HashData(body));
        return Encoding.UTF8.GetBytes($"{method.ToUpperInvariant()}\n{path}\n{timestampText}\n{bodyHash}");
    }

    private static bool TryParseTimestamp(string? header, out string timestampText, out long timestamp)
    {
        timestampText = header?.Trim() ?? string.Empty;
        return long.TryParse(timestampText, NumberStyles.None, CultureInfo.InvariantCulture, out timestamp)
            && timestamp <= MaxUnixMilliseconds;
    }
}
