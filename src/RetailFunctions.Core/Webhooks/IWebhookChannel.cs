namespace RetailFunctions.Core.Webhooks;

/// <summary>What differs between channels at the gate: how a delivery is authenticated and identified.</summary>
public interface IWebhookChannel
{
    string Name { get; }

    /// <summary>Checks the signature over the raw bytes; must compare in constant time.</summary>
    bool IsAuthentic(WebhookPayload payload);

    /// <summary>Reads the event id and topic; throws <see cref="WebhookPayloadException"/> for bad input.</summary>
    ParsedWebhook Parse(WebhookPayload payload);
}
