using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;

namespace RetailFunctions.Infrastructure.Telemetry;

/// <summary>
/// Scrubs personal data and secrets from whatever the app logs or traces: the configured secret values wherever they
/// appear, credentials in connection strings, query strings and Authorization headers, e-mail addresses and phone
/// numbers in any text, and every value under a key that names personal data (e-mail, phone, names, addresses).
/// Plain digit runs are left alone: order and settlement ids must stay readable, so a phone number is recognised by
/// its leading <c>+</c> or its separators.
/// </summary>
public sealed partial class TelemetryRedactor
{
    public const string Redacted = "[redacted]";

    private const int MinimumSecretLength = 8;

    private static readonly string[] PersonalKeySuffixes =
    [
        "email", "emailaddress", "phone", "phonenumber", "firstname", "lastname", "fullname", "customername", "contactname",
        "address", "address1", "address2", "streetaddress", "street", "city", "zip", "zipcode", "postalcode", "postcode",
        "password", "secret", "apikey", "accesstoken", "authorization", "connectionstring", "webhooksecret",
    ];

    private readonly string[] _secrets;

    public TelemetryRedactor(IEnumerable<string> secrets) =>
        _secrets = [.. secrets.Where(s => s.Length >= MinimumSecretLength).Distinct(StringComparer.Ordinal).OrderByDescending(s => s.Length)];

    /// <summary>Every configured value whose key names a secret (…Secret, …ApiKey, …Password, …Token, …ConnectionString).</summary>
    public static TelemetryRedactor FromConfiguration(IConfiguration configuration) =>
        new(configuration.AsEnumerable()
            .Where(pair => pair.Value is not null && SecretKey().IsMatch(pair.Key.Split(':')[^1]))
            .Select(pair => pair.Value!));

    public static bool IsPersonalKey(string key)
    {
        var normalized = NonAlphanumeric().Replace(key, "").ToLowerInvariant();
        return PersonalKeySuffixes.Any(suffix => normalized.EndsWith(suffix, StringComparison.Ordinal));
    }

    public string Redact(string text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text;
        }

        foreach (var secret in _secrets)
        {
            text = text.Replace(secret, Redacted, StringComparison.Ordinal);
        }

        text = CredentialAssignment().Replace(text, m => m.Groups["key"].Value + "=" + Redacted);
        text = BearerToken().Replace(text, "Bearer " + Redacted);
        text = Email().Replace(text, Redacted);
        text = InternationalPhone().Replace(text, Redacted);
        return NationalPhone().Replace(text, Redacted);
    }

    /// <summary>The value to log under <paramref name="key"/>: redacted whole for personal keys, scrubbed for text.</summary>
    public object? Redact(string key, object? value) => value switch
    {
        null => null,
        _ when IsPersonalKey(key) => Redacted,
        string text => Redact(text),
        _ when value.GetType().IsPrimitive || value is decimal or DateTime or DateTimeOffset or TimeSpan or Guid or Enum => value,
        _ => Redact(value.ToString() ?? ""),
    };

    [GeneratedRegex("(secret|password|pwd|apikey|api_key|token|connectionstring|connection_string|accountkey|sharedaccesskey)$", RegexOptions.IgnoreCase)]
    private static partial Regex SecretKey();

    [GeneratedRegex("[^A-Za-z0-9]")]
    private static partial Regex NonAlphanumeric();

    [GeneratedRegex(
        @"\b(?<key>AccountKey|SharedAccessKey|SharedAccessSignature|Password|pwd|sig|code|token|access_token|apikey|api_key|api-key|secret|client_secret|email|phone|first_name|last_name|name|address1|address2|address|zip|postal_code|city)=(?<value>[^;&\s""'<>]+)",
        RegexOptions.IgnoreCase)]
    private static partial Regex CredentialAssignment();

    [GeneratedRegex(@"\bBearer\s+[A-Za-z0-9._~+/=-]+", RegexOptions.IgnoreCase)]
    private static partial Regex BearerToken();

    [GeneratedRegex(@"[A-Za-z0-9._%+-]+(@|%40)[A-Za-z0-9.-]+\.[A-Za-z]{2,}")]
    private static partial Regex Email();

    [GeneratedRegex(@"(?<![\w+])(\+|%2B)\d[\d ().-]{6,}\d(?!\w)")]
    private static partial Regex InternationalPhone();

    [GeneratedRegex(@"(?<!\w)\(?\d{3}\)?[ .-]\d{3}[ .-]\d{4}(?!\w)")]
    private static partial Regex NationalPhone();
}
