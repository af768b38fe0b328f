namespace RetailFunctions.Infrastructure.Telemetry;

/// <summary>
/// Stands in for a logged exception whose text carried personal data or a secret: same message and stack trace text,
/// scrubbed. Only used when scrubbing changed something, so ordinary exceptions keep their type in telemetry.
/// </summary>
internal sealed class RedactedException(string typeName, string message, string text) : Exception(message)
{
    public string OriginalType { get; } = typeName;

    public override string? StackTrace => null;

    public override string ToString() => text;
}
