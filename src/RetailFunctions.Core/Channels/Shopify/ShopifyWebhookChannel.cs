using System.Text.Json;
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
    private const int MaxJsonDepth = 64;

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
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body, new JsonDocumentOptions { MaxDepth = MaxJsonDepth });
        }
        catch (JsonException ex)
        {
            throw new WebhookPayloadException("body", $"The body is not valid JSON: {ex.Message}");
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw new WebhookPayloadException("body", "The body must be a JSON object.");
            }

            if (!document.RootElement.TryGetProperty(property, out var id)
                || id.ValueKind is not (JsonValueKind.Number or JsonValueKind.String)
                || (id.ValueKind == JsonValueKind.String && string.IsNullOrWhiteSpace(id.GetString())))
            {
                throw new WebhookPayloadException(property, $"The field '{property}' is required.");
            }
        }
    }
}
