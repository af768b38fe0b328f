using Microsoft.Extensions.Options;
using RetailFunctions.Core.Webhooks;

namespace RetailFunctions.Core.Channels.Shopify;

/// <summary>
/// Shopify deliveries: <c>X-Shopify-Hmac-Sha256</c> over the raw body, dedupe on <c>X-Shopify-Event-Id</c>
/// (older deliveries only carry <c>X-Shopify-Webhook-Id</c>).
/// </summary>
public sealed class ShopifyWebhookChannel(IOptionsMonitor<ShopifyOptions> options) : IWebhookChannel
{
    public const string ChannelName = "shopify";

    public string Name => ChannelName;

    public bool IsAuthentic(WebhookPayload payload) =>
        ShopifyWebhookSignature.IsValid(payload.Body.Span, payload.Header("X-Shopify-Hmac-Sha256"), options.CurrentValue.ActiveSecrets());

    public ParsedWebhook Parse(WebhookPayload payload)
    {
        var topic = payload.Header("X-Shopify-Topic");
        if (string.IsNullOrWhiteSpace(topic))
        {
            throw new WebhookPayloadException("X-Shopify-Topic", "The X-Shopify-Topic header is required.");
        }

        if (!ShopifyTopics.Supported.Contains(topic))
        {
            throw new WebhookPayloadException("X-Shopify-Topic", $"Topic '{topic}' is not subscribed by this fabric.");
        }

        var eventId = payload.Header("X-Shopify-Event-Id");
        if (string.IsNullOrWhiteSpace(eventId))
        {
            eventId = payload.Header("X-Shopify-Webhook-Id");
        }

        if (string.IsNullOrWhiteSpace(eventId))
        {
            throw new WebhookPayloadException("X-Shopify-Event-Id", "Either X-Shopify-Event-Id or X-Shopify-Webhook-Id is required.");
        }

        RequireIdentifier(payload.Body, topic == ShopifyTopics.RefundsCreate ? "order_id" : "id");
        return new ParsedWebhook(eventId.Trim(), topic);
    }

    private static void RequireIdentifier(ReadOnlyMemory<byte> body, string property)
    {
        using var document = WebhookJson.ParseObject(body);
        WebhookJson.RequiredIdentifier(document.RootElement, property);
    }
}
