using Microsoft.Extensions.Options;
using RetailFunctions.Core.Webhooks;

namespace RetailFunctions.Core.Channels.Amazon;

/// <summary>
/// SP-API notifications relayed from SQS/EventBridge: authenticated by the relay's <c>X-Api-Key</c>, deduped on
/// <c>NotificationMetadata.NotificationId</c>, topic = <c>NotificationType</c>.
/// </summary>
public sealed class AmazonWebhookChannel(IOptionsMonitor<AmazonOptions> options) : IWebhookChannel
{
    public const string ChannelName = "amazon";
    public const string ApiKeyHeader = "X-Api-Key";

    public string Name => ChannelName;

    public bool IsAuthentic(WebhookPayload payload) =>
        WebhookApiKey.Matches(payload.Header(ApiKeyHeader), options.CurrentValue.ActiveSecrets());

    public ParsedWebhook Parse(WebhookPayload payload)
    {
        using var document = WebhookJson.ParseObject(payload.Body);
        var root = document.RootElement;

        var notificationType = WebhookJson.RequiredText(root, "NotificationType");
        if (!AmazonNotificationTypes.Supported.Contains(notificationType))
        {
            throw new WebhookPayloadException("NotificationType", $"Notification type '{notificationType}' is not subscribed by this fabric.");
        }

        var notificationId = WebhookJson.RequiredText(root, "NotificationMetadata.NotificationId");
        WebhookJson.RequiredObject(root, "Payload");
        if (AmazonNotificationTypes.IsOrderTopic(notificationType))
        {
            WebhookJson.RequiredText(root, "Payload.OrderChangeNotification.AmazonOrderId");
        }
        else if (notificationType == AmazonNotificationTypes.ReturnCreated)
        {
            WebhookJson.RequiredText(root, "Payload.ReturnDetails.amazon_rma_id");
            WebhookJson.RequiredText(root, "Payload.ReturnDetails.order_id");
        }

        return new ParsedWebhook(notificationId, notificationType);
    }
}
