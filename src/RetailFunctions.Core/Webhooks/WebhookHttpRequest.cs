namespace RetailFunctions.Core.Webhooks;

/// <summary>The parts of an inbound webhook request the gate needs, free of any HTTP framework type.</summary>
public sealed record WebhookHttpRequest(
    string Method,
    string Path,
    string? ContentType,
    long? ContentLength,
    Func<string, string?> Header,
    Stream Body,
    string? TraceParent = null);
