using Microsoft.Extensions.Logging;

namespace RetailFunctions.Infrastructure.Telemetry;

/// <summary>Wraps the app's logger factory so no logger, whoever creates it, can write unredacted entries.</summary>
internal sealed class RedactingLoggerFactory(ILoggerFactory inner, TelemetryRedactor redactor) : ILoggerFactory
{
    public ILogger CreateLogger(string categoryName) => new RedactingLogger(inner.CreateLogger(categoryName), redactor);

    public void AddProvider(ILoggerProvider provider) => inner.AddProvider(provider);

    // The container owns and disposes the inner factory.
    public void Dispose()
    {
    }
}
