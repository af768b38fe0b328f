using Microsoft.Extensions.Options;
using RetailFunctions.Core.Webhooks;

namespace RetailFunctions.Core.Channels.Pos;

/// <summary>
/// Store transactions from the POS: <c>X-Retail-Signature</c> within five minutes, dedupe on
/// <c>{storeId}-{transactionId}</c>, topic = the body's <c>type</c>.
/// </summary>
public sealed class PosWebhookChannel(IOptionsMonitor<PosOptions> options, TimeProvider time) : IWebhookChannel
{
    public const string ChannelName = "pos";

    public static readonly TimeSpan SignatureTolerance = TimeSpan.FromMinutes(5);

    public string Name => ChannelName;

    public bool IsAuthentic(WebhookPayload payload) =>
        RetailSignature.Verify(
            payload.Body.Span,
            payload.Header(RetailSignature.HeaderName),
            options.CurrentValue.ActiveSecrets(),
            time.GetUtcNow(),
            SignatureTolerance) == RetailSignatureResult.Valid;

    public ParsedWebhook Parse(WebhookPayload payload)
    {
        using var document = WebhookJson.ParseObject(payload.Body);
        var root = document.RootElement;

        var type = WebhookJson.RequiredText(root, "type");
        if (!PosTopics.Supported.Contains(type))
        {
            throw new WebhookPayloadException("type", $"Transaction type '{type}' is not one of: {string.Join(", ", PosTopics.Supported)}.");
        }

        var storeId = WebhookJson.RequiredText(root, "storeId");
        var transactionId = WebhookJson.RequiredText(root, "transactionId");
        return new ParsedWebhook(PosTopics.TransactionKey(storeId, transactionId), type);
    }
}
