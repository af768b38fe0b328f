namespace RetailFunctions.Core.Webhooks;

/// <summary>An authenticated webhook body, read whole, with the request it came from.</summary>
public sealed record WebhookPayload(WebhookHttpRequest Request, ReadOnlyMemory<byte> Body)
{
    public string? Header(string name) => Request.Header(name);
}
