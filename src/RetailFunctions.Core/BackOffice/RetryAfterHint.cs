using System.Globalization;
using System.Text.RegularExpressions;

namespace RetailFunctions.Core.BackOffice;

/// <summary>
/// The <c>Retry-After</c> a system asked for, written into a failure's message and read back from it: a Durable retry
/// handler sees only the failure's type and message, so this phrase is how the wait travels from an activity to its
/// orchestrator.
/// </summary>
public static partial class RetryAfterHint
{
    /// <summary>A longer wait is read as this one: a broken header must not park a workflow for good.</summary>
    public static readonly TimeSpan MaxHonoured = TimeSpan.FromHours(1);

    /// <summary>The phrase for <paramref name="retryAfter"/>, e.g. <c>(retry after 30 s)</c>.</summary>
    public static string Describe(TimeSpan retryAfter) =>
        string.Create(CultureInfo.InvariantCulture, $"(retry after {Math.Ceiling(retryAfter.TotalMilliseconds) / 1000:0.###} s)");

    /// <summary>The wait named by a <see cref="Describe"/> phrase anywhere in <paramref name="message"/>; null when there is none.</summary>
    public static TimeSpan? Read(string? message)
    {
        var match = message is null ? Match.Empty : Phrase().Match(message);
        if (!match.Success || !double.TryParse(match.Groups[1].ValueSpan, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var seconds))
        {
            return null;
        }

        return seconds >= MaxHonoured.TotalSeconds ? MaxHonoured : TimeSpan.FromSeconds(seconds);
    }

    [GeneratedRegex(@"\(retry after (\d{1,12}(?:\.\d{1,3})?) s\)", RegexOptions.CultureInvariant)]
    private static partial Regex Phrase();
}
