using System.Collections;

namespace RetailFunctions.Infrastructure.Telemetry;

/// <summary>A log entry's or scope's structured values with personal data and secrets removed, and its text likewise.</summary>
internal sealed class RedactedLogState(IReadOnlyList<KeyValuePair<string, object?>> values, string text) : IReadOnlyList<KeyValuePair<string, object?>>
{
    public int Count => values.Count;

    public KeyValuePair<string, object?> this[int index] => values[index];

    public static RedactedLogState From<TState>(TState state, string text, TelemetryRedactor redactor) =>
        new(state is IEnumerable<KeyValuePair<string, object?>> pairs
                ? [.. pairs.Select(p => new KeyValuePair<string, object?>(p.Key, p.Key == "{OriginalFormat}" ? p.Value : redactor.Redact(p.Key, p.Value)))]
                : [],
            redactor.Redact(text));

    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() => values.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public override string ToString() => text;
}
