using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RetailFunctions.Core.Webhooks;

namespace RetailFunctions.Core.Inventory;

/// <summary>
/// <c>POST /api/inventory/adjustments</c>, in the webhook gate's order: size (413), content type (415), signature (401),
/// parse (400 naming the field), dedupe on source and sequence (200), then items older than the source's last applied
/// sequence are set aside and reported, and the rest queued on <c>inventory-changes</c> (202). A rejected request writes nothing.
/// </summary>
public sealed partial class InventoryAdjustmentGate(
    IWebhookReceipts receipts,
    IInventoryPositions positions,
    IInventoryChangeQueue queue,
    TimeProvider time,
    IOptions<WebhookOptions> webhookOptions,
    IOptionsMonitor<InventoryOptions> options,
    ILogger<InventoryAdjustmentGate> logger)
{
    private const int StaleCheckParallelism = 16;

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

    private async Task<AdjustmentOutcome> AdmitAsync(InventoryAdjustment adjustment, string? traceParent, CancellationToken cancellationToken)
    {
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

    private async Task<IReadOnlyList<IgnoredAdjustment>> StaleItemsAsync(InventoryAdjustment adjustment, CancellationToken cancellationToken)
    {
        var ignored = new System.Collections.Concurrent.ConcurrentBag<(int Index, IgnoredAdjustment Item)>();
        await Parallel.ForEachAsync(
            adjustment.Items.Select((item, index) => (item, index)),
            new ParallelOptions { MaxDegreeOfParallelism = StaleCheckParallelism, CancellationToken = cancellationToken },
            async (entry, token) =>
            {
                var position = await positions.FindAsync(entry.item.Key, token);
                if (PositionAdjustment.IsStale(position, adjustment.Source, adjustment.Sequence))
                {
                    ignored.Add((entry.index, new IgnoredAdjustment(entry.item.Sku, entry.item.Location, position!.LastSequence(adjustment.Source)!.Value, "stale-sequence")));
                }
            });
        return ignored.OrderBy(i => i.Index).Select(i => i.Item).ToArray();
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
