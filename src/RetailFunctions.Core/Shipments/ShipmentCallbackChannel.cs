using System.Text.Json;
using RetailFunctions.Core.Webhooks;

namespace RetailFunctions.Core.Shipments;

/// <summary>
/// Signed shipment callbacks from one source (<c>X-Retail-Signature</c> with <c>Shipments:Sources:{source}:Secret</c>,
/// five minutes' tolerance). Dedupe on the source's shipment id, so the same callback twice is done once.
/// </summary>
public sealed class ShipmentCallbackChannel(string source, ShipmentSourceOptions options, TimeProvider time) : IWebhookChannel
{
    public const string Topic = "shipment";
    public const string NamePrefix = "shipments-";

    public static readonly TimeSpan SignatureTolerance = TimeSpan.FromMinutes(5);

    public string Source => source;

    public string Name => NamePrefix + source;

    public bool IsAuthentic(WebhookPayload payload) =>
        RetailSignature.Verify(
            payload.Body.Span,
            payload.Header(RetailSignature.HeaderName),
            options.ActiveSecrets(),
            time.GetUtcNow(),
            SignatureTolerance) == RetailSignatureResult.Valid;

    public ParsedWebhook Parse(WebhookPayload payload)
    {
        using var document = WebhookJson.ParseObject(payload.Body);
        var root = document.RootElement;
        WebhookJson.RequiredText(root, "orderRef.channel");
        WebhookJson.RequiredIdentifier(root, "orderRef.channelOrderId");
        if (!root.TryGetProperty("lines", out var lines) || lines.ValueKind != JsonValueKind.Array || lines.GetArrayLength() == 0)
        {
            throw new WebhookPayloadException("lines", "A shipment needs at least one line.");
        }

        return new ParsedWebhook(WebhookJson.RequiredIdentifier(root, "shipmentId"), Topic);
    }
}
