using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RetailFunctions.Core.Webhooks;

namespace RetailFunctions.Core.Catalog;

/// <summary>
/// <c>POST /api/catalog/{sku}/price-review</c> <c>{"price":10.00}</c>, signed like catalog changes: an operator confirms
/// a price the price band held, and it is published. Only the master's current price can be confirmed, so a review
/// never releases a price that changed again since.
/// </summary>
public sealed partial class CatalogPriceReview(
    ICatalogStore store,
    ICatalogPublishQueue publish,
    TimeProvider time,
    IOptions<WebhookOptions> webhookOptions,
    IOptionsMonitor<CatalogOptions> options,
    ILogger<CatalogPriceReview> logger)
{
    /// <returns>The outcome; <c>Accepted</c> true when released, false when the price is not the master's current one (or the SKU is unknown).</returns>
    public async Task<(WebhookOutcome Outcome, bool Released)> ReviewAsync(string sku, WebhookHttpRequest request, CancellationToken cancellationToken)
    {
        var (body, rejection) = await SignedJsonBody.ReadAsync(request, webhookOptions.Value.MaxBodyBytes, options.CurrentValue.ActiveSecrets(), time.GetUtcNow(), cancellationToken);
        if (rejection is not null)
        {
            return (new WebhookOutcome(rejection.Kind, Field: rejection.Field, Detail: rejection.Detail), false);
        }

        decimal price;
        try
        {
            using var document = WebhookJson.ParseObject(body);
            price = document.RootElement.TryGetProperty("price", out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetDecimal(out var amount) && amount > 0
                ? amount
                : throw new WebhookPayloadException("price", "'price' is required and must be a decimal amount greater than 0.");
        }
        catch (WebhookPayloadException ex)
        {
            return (new WebhookOutcome(WebhookOutcomeKind.Malformed, Field: ex.Field, Detail: ex.Message), false);
        }

        if (!await store.ReviewPriceAsync(sku, price, cancellationToken))
        {
            return (new WebhookOutcome(WebhookOutcomeKind.Accepted, sku), false);
        }

        await publish.MarkPendingAsync(options.CurrentValue.EnabledChannels(), [sku], time.GetUtcNow(), cancellationToken);
        LogReleased(sku, price);
        return (new WebhookOutcome(WebhookOutcomeKind.Accepted, sku), true);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Catalog {Sku}: price {Price} confirmed by review and released to the channels")]
    private partial void LogReleased(string sku, decimal price);
}
