using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RetailFunctions.Core.Webhooks;

namespace RetailFunctions.Core.Catalog;

/// <summary>
/// <c>POST /api/catalog/changes</c>, in the webhook gate's order: size (413), content type (415), signature (401), parse
/// (400 naming the field), dedupe on source and change id (200), then items whose version the master already has (or a
/// newer one) are set aside and reported, and the rest queued on <c>catalog-changes</c> (202). A rejected request writes nothing.
/// </summary>
public sealed partial class CatalogChangeGate(
    IWebhookReceipts receipts,
    ICatalogStore store,
    ICatalogChangeQueue queue,
    TimeProvider time,
    IOptions<WebhookOptions> webhookOptions,
    IOptionsMonitor<CatalogOptions> options,
    ILogger<CatalogChangeGate> logger)
{
    public async Task<CatalogChangeOutcome> AcceptAsync(WebhookHttpRequest request, CancellationToken cancellationToken)
    {
        var (body, rejection) = await SignedJsonBody.ReadAsync(request, webhookOptions.Value.MaxBodyBytes, options.CurrentValue.ActiveSecrets(), time.GetUtcNow(), cancellationToken);
        if (rejection is not null)
        {
            return Reject(rejection.Kind, rejection.Field, rejection.Detail);
        }

        CatalogChangeRequest change;
        try
        {
            change = CatalogChangeParser.Parse(body);
            var tooLarge = change.Items.Select((item, index) => (item, index)).FirstOrDefault(i => CatalogChangeChunks.Size(i.item) > CatalogChangeChunks.MaxItemBytes);
            if (tooLarge.item is not null)
            {
                throw new WebhookPayloadException($"items[{tooLarge.index}]", $"An item may take at most {CatalogChangeChunks.MaxItemBytes} bytes.");
            }
        }
        catch (WebhookPayloadException ex)
        {
            return Reject(WebhookOutcomeKind.Malformed, ex.Field, ex.Message);
        }

        return await AdmitAsync(change, request.TraceParent, cancellationToken);
    }

    /// <summary>Changes share the webhook receipts table, under a name no channel uses.</summary>
    public static string DedupeChannel(string source) => $"catalog-{source}";

    private async Task<CatalogChangeOutcome> AdmitAsync(CatalogChangeRequest change, string? traceParent, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var (receipt, otherwise) = await receipts.ClaimAsync(DedupeChannel(change.Source), change.ChangeId, "catalog-change", ICatalogChangeQueue.QueueName, now, webhookOptions.Value, time, cancellationToken);
        if (receipt is null)
        {
            LogNotAdmittedAgain(change.Source, change.ChangeId, otherwise);
            return new CatalogChangeOutcome(otherwise, change.Source, change.ChangeId, Ignored: []);
        }

        try
        {
            var ignored = await StaleItemsAsync(change.Items, cancellationToken);
            var ignoredSkus = ignored.Select(i => i.Sku).ToHashSet(StringComparer.Ordinal);
            var due = change.Items.Where(i => !ignoredSkus.Contains(i.Sku)).ToArray();
            var part = 0;
            foreach (var chunk in CatalogChangeChunks.Split(due))
            {
                await queue.EnqueueAsync(new CatalogChange(change.Source, $"{change.ChangeId}#{part++}", now, chunk, traceParent), cancellationToken);
            }

            await receipts.MarkAcceptedAsync(receipt, cancellationToken);
            LogAccepted(change.Source, change.ChangeId, due.Length, ignored.Count);
            return new CatalogChangeOutcome(WebhookOutcomeKind.Accepted, change.Source, change.ChangeId, due.Length, ignored);
        }
        catch (Exception ex)
        {
            LogAdmitFailed(ex, change.Source, change.ChangeId);
            // Applying is idempotent per version, so a sender's retry after a partial enqueue is harmless.
            await receipts.ReleaseAsync(receipt, CancellationToken.None);
            throw;
        }
    }

    private Task<IReadOnlyList<IgnoredCatalogChange>> StaleItemsAsync(IReadOnlyList<CatalogItemChange> items, CancellationToken cancellationToken) =>
        StaleItemCheck.FindAsync(items, async (item, token) =>
            await store.FindAsync(item.Sku, token) is { } current && current.Record.Version >= item.Version
                ? new IgnoredCatalogChange(item.Sku, item.Version, current.Record.Version, "stale-version")
                : null,
            cancellationToken);

    private CatalogChangeOutcome Reject(WebhookOutcomeKind kind, string field, string detail)
    {
        LogRejected(kind, field);
        return new CatalogChangeOutcome(kind, Field: field, Detail: detail);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Catalog change {Source} {ChangeId} accepted: {Queued} items queued, {Ignored} older than the master")]
    private partial void LogAccepted(string source, string changeId, int queued, int ignored);

    [LoggerMessage(Level = LogLevel.Information, Message = "Catalog change {Source} {ChangeId} not admitted again ({Outcome}: accepted before, or still being admitted)")]
    private partial void LogNotAdmittedAgain(string source, string changeId, WebhookOutcomeKind outcome);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Catalog change rejected: {Reason} ({Field})")]
    private partial void LogRejected(WebhookOutcomeKind reason, string field);

    [LoggerMessage(Level = LogLevel.Error, Message = "Catalog change {Source} {ChangeId} could not be queued; claim released for the retry")]
    private partial void LogAdmitFailed(Exception exception, string source, string changeId);
}
