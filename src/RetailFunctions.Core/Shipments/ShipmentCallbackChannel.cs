using RetailFunctions.Core.Orders;
using RetailFunctions.Core.Webhooks;

namespace RetailFunctions.Core.Shipments;

/// <summary>
/// Signed shipment callbacks from one source (<c>X-Retail-Signature</c> with <c>Shipments:Sources:{source}:Secret</c>,
/// five minutes' tolerance). The gate maps the whole body with the source's mapper, so a callback that could never be
/// matched to an order is refused with a 400 naming the field; dedupe on the source's callback id.
/// </summary>
public sealed class ShipmentCallbackChannel(IShipmentMapper mapper, ShipmentSourceOptions options, TimeProvider time) : IWebhookChannel
{
    public const string NamePrefix = "shipments-";

    public static readonly TimeSpan SignatureTolerance = TimeSpan.FromMinutes(5);

    public string Source => mapper.Source;

    public string Name => NamePrefix + mapper.Source;

    public bool IsAuthentic(WebhookPayload payload) =>
        RetailSignature.Verify(
            payload.Body.Span,
            payload.Header(RetailSignature.HeaderName),
            options.ActiveSecrets(),
            time.GetUtcNow(),
            SignatureTolerance) == RetailSignatureResult.Valid;

    public ParsedWebhook Parse(WebhookPayload payload)
    {
        try
        {
            var notice = mapper.Map(payload.Body.Span);
            return new ParsedWebhook(notice.CallbackId, notice.Kind);
        }
        catch (OrderMappingException ex)
        {
            throw new WebhookPayloadException(ex.Field, ex.Message);
        }
    }
}
