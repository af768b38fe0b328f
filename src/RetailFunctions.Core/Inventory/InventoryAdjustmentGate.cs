using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RetailFunctions.Core.Telemetry;
using RetailFunctions.Core.Webhooks;

namespace RetailFunctions.Core.Inventory;

/// <summary>
/// <c>POST /api/inventory/adjustments</c>, in the webhook gate's order: size (413), content type (415), signature (401),
/// parse (400 naming the field), dedupe on source and sequence (200), then items older than the source's last applied
/// sequence are set aside and reported, and the rest queued on <c>inventory-changes</c> (202). A rejected request writes nothing.
/// Positions are only read for an adjustment below the source's watermark (<see cref="AdjustmentWatermark"/>).
/// </summary>
public sealed partial class InventoryAdjustmentGate(
    IWebhookReceipts receipts,
    IInventoryPositions positions,
    IAdjustmentWatermarks watermarks,
    IInventoryChangeQueue queue,
    TimeProvider time,
    IOptions<WebhookOptions> webhookOptions,
    IOptionsMonitor<InventoryOptions> options,
    ILogger<InventoryAdjustmentGate> logger)
{
    public async Task<AdjustmentOutcome> AcceptAsync(WebhookHttpRequest request, CancellationToken cancellationToken)
    {
        var (body, rejection) = await SignedJsonBody.ReadAsync(request, webhookOptions.Value.MaxBodyBytes, options.CurrentValue.ActiveSecrets(), time.GetUtcNow(), cancellationToken);
        if (rejection is not null)
        {
            return Reject(rejection.Kind, rejection.Field, rejection.Detail);
        }

        InventoryAdjustment adjustment;
        try
        {
            adjustment = AdjustmentParser.Parse(body);
        }
        catch (WebhookPayloadException ex)
        {
            return Reject(WebhookOutcomeKind.Malformed, ex.Field, ex.Message);
        }

        return await AdmitAsync(adjustment, request.TraceParent, cancellationToken);
    }

    /// <remarks>A request refused before it is read names no SKU; from here on every log line carries the adjustment's SKUs.</remarks>
    private async Task<AdjustmentOutcome> AdmitAsync(InventoryAdjustment adjustment, string? traceParent, CancellationToken cancellationToken)
    {
        using var scope = RetailLogScopes.ForSkus(logger, adjustment.Items.Select(i => i.Sku));
        var now = time.GetUtcNow();
        var sender = DedupeChannel(adjustment.Source);
        var sequenceText = adjustment.Sequence.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var (receipt, otherwise) = await receipts.ClaimAsync(sender, sequenceText, "adjustment", IInventoryChangeQueue.QueueName, now, webhookOptions.Value, time, cancellationToken);
        if (receipt is null)
        {
            LogNotAdmittedAgain(adjustment.Source, adjustment.Sequence, otherwise);
            return new AdjustmentOutcome(otherwise, adjustment.Source, adjustment.Sequence, Ignored: []);
        }

        try
        {
            var ignored = await StaleItemsAsync(adjustment, cancellationToken);
            var ignoredKeys = ignored.Select(i => new StockKey(i.Sku, i.Location)).ToHashSet();
            var due = adjustment.Items.Where(i => !ignoredKeys.Contains(i.Key)).ToArray();
            foreach (var chunk in due.Chunk(IInventoryChangeQueue.MaxItemsPerMessage))
            {
                await queue.EnqueueAsync(new InventoryChange(adjustment.Source, adjustment.Sequence, adjustment.OccurredAt, now, chunk, traceParent), cancellationToken);
            }

            await receipts.MarkAcceptedAsync(receipt, cancellationToken);
            LogAccepted(adjustment.Source, adjustment.Sequence, due.Length, ignored.Count);
            return new AdjustmentOutcome(WebhookOutcomeKind.Accepted, adjustment.Source, adjustment.Sequence, due.Length, ignored);
        }
        catch (Exception ex)
        {
            LogAdmitFailed(ex, adjustment.Source, adjustment.Sequence);
            // Applying is idempotent per sequence, so a sender's retry after a partial enqueue is harmless.
            await receipts.ReleaseAsync(receipt, CancellationToken.None);
            throw;
        }
    }

    /// <remarks>The watermark is raised before anything is queued: that is what lets a later adjustment skip the reads.</remarks>
    private async Task<IReadOnlyList<IgnoredAdjustment>> StaleItemsAsync(InventoryAdjustment adjustment, CancellationToken cancellationToken)
    {
        var watermark = await watermarks.RaiseAsync(adjustment.Source, adjustment.Sequence, cancellationToken);
        if (!AdjustmentWatermark.MayHaveStaleItems(watermark, adjustment.Sequence))
        {
            return [];
        }

        return await StaleItemCheck.FindAsync(adjustment.Items, async (item, token) =>
        {
            var position = await positions.FindAsync(item.Key, token);
            return PositionAdjustment.IsStale(position, adjustment.Source, adjustment.Sequence)
                ? new IgnoredAdjustment(item.Sku, item.Location, position!.LastSequence(adjustment.Source)!.Value, "stale-sequence")
                : null;
        }, cancellationToken);
    }

    /// <summary>Adjustments share the webhook receipts table, under a name no channel uses.</summary>
    public static string DedupeChannel(string source) => $"inventory-{source}";

    private AdjustmentOutcome Reject(WebhookOutcomeKind kind, string field, string detail)
    {
        LogRejected(kind, field);
        return new AdjustmentOutcome(kind, Field: field, Detail: detail);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Inventory adjustment {Source} #{Sequence} accepted: {Queued} items queued, {Ignored} stale")]
    private partial void LogAccepted(string source, long sequence, int queued, int ignored);

    [LoggerMessage(Level = LogLevel.Information, Message = "Inventory adjustment {Source} #{Sequence} not admitted again ({Outcome}: accepted before, or still being admitted)")]
    private partial void LogNotAdmittedAgain(string source, long sequence, WebhookOutcomeKind outcome);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Inventory adjustment rejected: {Reason} ({Field})")]
    private partial void LogRejected(WebhookOutcomeKind reason, string field);

    [LoggerMessage(Level = LogLevel.Error, Message = "Inventory adjustment {Source} #{Sequence} could not be queued; claim released for the retry")]
    private partial void LogAdmitFailed(Exception exception, string source, long sequence);
}
