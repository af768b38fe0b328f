using Microsoft.Extensions.Logging;

namespace RetailFunctions.Infrastructure.Telemetry;

/// <summary>Hands every provider (console, OpenTelemetry, the Functions host) only the redacted entry.</summary>
internal sealed class RedactingLogger(ILogger inner, TelemetryRedactor redactor) : ILogger
{
    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull =>
        inner.BeginScope(RedactedLogState.From(state, state.ToString() ?? "", redactor));

    public bool IsEnabled(LogLevel logLevel) => inner.IsEnabled(logLevel);

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (!inner.IsEnabled(logLevel))
        {
            return;
        }

        var redacted = RedactedLogState.From(state, formatter(state, exception), redactor);
        inner.Log(logLevel, eventId, redacted, Redact(exception), static (s, _) => s.ToString());
    }

    private Exception? Redact(Exception? exception)
    {
        if (exception is null)
        {
            return null;
        }

        var text = exception.ToString();
        var scrubbed = redactor.Redact(text);
        return scrubbed == text
            ? exception
            : new RedactedException(exception.GetType().FullName ?? exception.GetType().Name, redactor.Redact(exception.Message), scrubbed);
    }
}
