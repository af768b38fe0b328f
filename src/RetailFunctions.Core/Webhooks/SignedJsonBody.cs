namespace RetailFunctions.Core.Webhooks;

/// <summary>
/// The first checks of the <c>X-Retail-Signature</c> endpoints that are not channel webhooks (inventory adjustments,
/// catalog changes), in the gate's order: size (413), content type (415), signature on the raw bytes (401).
/// </summary>
public static class SignedJsonBody
{
    public static readonly TimeSpan SignatureTolerance = TimeSpan.FromMinutes(5);

    /// <returns>The body, or the rejection with the field it is about.</returns>
    public static async Task<(ReadOnlyMemory<byte> Body, SignedBodyRejection? Rejection)> ReadAsync(
        WebhookHttpRequest request,
        int limit,
        IReadOnlyList<string> secrets,
        DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        if (request.ContentLength > limit)
        {
            return (default, new SignedBodyRejection(WebhookOutcomeKind.TooLarge, "body", $"The body exceeds {limit} bytes."));
        }

        if (!WebhookBody.IsJson(request.ContentType))
        {
            return (default, new SignedBodyRejection(WebhookOutcomeKind.UnsupportedMediaType, "Content-Type", "The body must be application/json."));
        }

        if (await WebhookBody.ReadLimitedAsync(request.Body, limit, cancellationToken) is not { } body)
        {
            return (default, new SignedBodyRejection(WebhookOutcomeKind.TooLarge, "body", $"The body exceeds {limit} bytes."));
        }

        var signature = RetailSignature.Verify(body.Span, request.Header(RetailSignature.HeaderName), secrets, now, SignatureTolerance);
        return signature == RetailSignatureResult.Valid
            ? (body, null)
            : (default, new SignedBodyRejection(WebhookOutcomeKind.Unauthorized, "signature", "The signature is missing, expired or does not match."));
    }
}

public sealed record SignedBodyRejection(WebhookOutcomeKind Kind, string Field, string Detail);
