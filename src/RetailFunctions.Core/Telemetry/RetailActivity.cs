using System.Diagnostics;

namespace RetailFunctions.Core.Telemetry;

/// <summary>The ActivitySource <c>RetailFunctions</c> for the fabric's own spans (relay, ingestion, reconciliation).</summary>
public static class RetailActivity
{
    public const string SourceName = "RetailFunctions";

    public static readonly ActivitySource Source = new(SourceName);

    /// <summary>
    /// A span that continues the trace a message carries (a queue envelope, an orchestration input), so one trace runs
    /// from the webhook to the ERP. Null when <paramref name="traceParent"/> is not a W3C <c>traceparent</c>.
    /// </summary>
    public static Activity? Continue(string name, string? traceParent, ActivityKind kind = ActivityKind.Internal)
    {
        if (!ActivityContext.TryParse(traceParent, traceState: null, out var parent))
        {
            return null;
        }

        // With no exporter configured nothing listens and the source gives no span; a bare one still makes outbound
        // HTTP calls carry the trace.
        return Source.StartActivity(name, kind, parent) ?? new Activity(name).SetParentId(traceParent!).Start();
    }
}
