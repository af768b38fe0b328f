using Microsoft.Extensions.Options;
using RetailFunctions.Core.Webhooks;

namespace RetailFunctions.Core.Channels.Walmart;

/// <summary>
/// Walmart deliveries: <c>WM_SEC.SIGNATURE</c> over method, path, timestamp and body hash, timestamps within
/// five minutes, dedupe on <c>source.eventId</c>, topic = <c>source.eventType</c>.
/// </summary>
/// <remarks>
/// Walmart retries a delivery answered with 400, so only what the fabric cannot work without is checked here; unknown
/// fields pass, and an event type without a handler is archived and parked by ingestion rather than refused.
/// </remarks>
public sealed class WalmartWebhookChannel(IOptionsMonitor<WalmartOptions> options, TimeProvider time) : IWebhookChannel
{
    public const string ChannelName = "walmart";

    public static readonly TimeSpan TimestampTolerance = TimeSpan.FromMinutes(5);

    public string Name => ChannelName;

    public bool IsAuthentic(WebhookPayload payload) =>
        WalmartWebhookSignature.IsValid(
            payload.Request.Method,
            payload.Request.Path,
            payload.Body.Span,
            payload.Header(WalmartWebhookSignature.TimestampHeader),
            payload.Header(WalmartWebhookSignature.SignatureHeader),
            options.CurrentValue.ActiveSecrets(),
            time.GetUtcNow(),
            TimestampTolerance);

    public ParsedWebhook Parse(WebhookPayload payload)
    {
        using var document = WebhookJson.ParseObject(payload.Body);
        var root = document.RootElement;

        var eventType = WebhookJson.RequiredText(root, "source.eventType");
        var eventId = WebhookJson.RequiredText(root, "source.eventId");
        WebhookJson.RequiredObject(root, "payload");
        if (WalmartEventTypes.IsOrderEvent(eventType))
        {
            WebhookJson.RequiredText(root, "payload.purchaseOrderId");
        }
        else if (WalmartEventTypes.IsReturnEvent(eventType))
        {
            WebhookJson.RequiredIdentifier(root, "payload.returnOrderId");
        }

        return new ParsedWebhook(eventId, eventType);
    }
}
