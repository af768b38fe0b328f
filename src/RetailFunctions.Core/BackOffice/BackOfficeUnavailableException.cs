using System.Globalization;

namespace RetailFunctions.Core.BackOffice;

/// <summary>
/// The system stayed unavailable (5xx, 408, 429, timeouts, connection failures) through every retry of the HTTP client.
/// Transient by nature: an activity retry policy may try again later.
/// </summary>
public sealed class BackOfficeUnavailableException(string system, string operation, int? statusCode, string? detail, Exception? innerException = null)
    : BackOfficeException(
        system,
        operation,
        statusCode,
        $"{system} unavailable for {operation} ({(statusCode is { } s ? s.ToString(CultureInfo.InvariantCulture) : "no response")}){(string.IsNullOrEmpty(detail) ? "" : $": {detail}")}",
        innerException)
{
    /// <summary>How long the system asked the caller to wait (<c>Retry-After</c> on 429/503), when it said.</summary>
    public TimeSpan? RetryAfter { get; init; }

    /// <summary>Names the <see cref="RetryAfter"/> in the <see cref="RetryAfterHint"/> phrase, for retries that see only the message.</summary>
    public override string Message =>
        RetryAfter is { } retryAfter && retryAfter > TimeSpan.Zero ? $"{base.Message} {RetryAfterHint.Describe(retryAfter)}" : base.Message;
}
