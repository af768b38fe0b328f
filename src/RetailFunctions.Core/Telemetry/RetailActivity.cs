using System.Diagnostics;

namespace RetailFunctions.Core.Telemetry;

/// <summary>The ActivitySource <c>RetailFunctions</c> for the fabric's own spans (relay, ingestion, reconciliation).</summary>
public static class RetailActivity
{
    public const string SourceName = "RetailFunctions";

    public static readonly ActivitySource Source = new(SourceName);
}
