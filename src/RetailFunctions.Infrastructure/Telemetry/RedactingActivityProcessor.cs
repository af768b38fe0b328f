using System.Diagnostics;
using OpenTelemetry;

namespace RetailFunctions.Infrastructure.Telemetry;

/// <summary>Scrubs span tags (URLs, query strings, anything under a personal key) before a span is exported.</summary>
internal sealed class RedactingActivityProcessor(TelemetryRedactor redactor) : BaseProcessor<Activity>
{
    public override void OnEnd(Activity data)
    {
        foreach (var (key, value) in data.TagObjects.ToList())
        {
            var redacted = redactor.Redact(key, value);
            if (!Equals(redacted, value))
            {
                data.SetTag(key, redacted);
            }
        }

        data.DisplayName = redactor.Redact(data.DisplayName);
    }
}
