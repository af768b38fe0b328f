using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RetailFunctions.Core.BackOffice;
using RetailFunctions.Core.Events;
using RetailFunctions.Core.Settlements.Journals;
using RetailFunctions.Core.Settlements.Reconciliation;
using RetailFunctions.Core.Telemetry;

namespace RetailFunctions.Core.Settlements.Processing;

/// <summary>
/// Handles one uploaded settlement file: hash and parse in one streaming pass, claim the content hash, then either
/// quarantine a malformed file or reconcile, journal to the ERP once, and write exceptions, summary, report and event.
/// Every step after the claim is idempotent, so a failed attempt is retried by the trigger and resumes. Every log line
/// carries the settlement id once the file has named it, and the file before (or when it is too malformed to).
/// </summary>
public sealed class SettlementFileHandler(
    ISettlementStore store,
    ISettlementOrders orders,
    IErpClient erp,
    IOptions<SettlementOptions> options,
    SettlementMetrics metrics,
    TimeProvider time,
    ILogger<SettlementFileHandler> logger)
{
    public const string ReportsContainer = "settlement-reports";

    public static string ReportPath(string channel, string settlementId) => $"{ReportsContainer}/{channel}/{Storage.StorageKey.Escape(settlementId)}.json";

    public async Task<SettlementOutcome> HandleAsync(SettlementFile file, Stream content, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(content);
        var channel = file.Channel.ToLowerInvariant();
        using var fileScope = RetailLogScopes.ForSettlementFile(logger, channel, file.Name);
        var accumulator = new SettlementAccumulator();
        SettlementHeader? header = null;
        (int? Line, string Reason, string Message)? malformed = null;
        await using var hashing = new HashingReadStream(content);
        if (!SettlementParsers.Channels.Contains(channel))
        {
            malformed = (null, "unknown channel", $"No settlement parser for channel '{file.Channel}'.");
        }
        else
        {
            try
            {
                header = await SettlementParsers.For(channel).ParseAsync(hashing, accumulator, cancellationToken);
            }
            catch (SettlementFormatException ex)
            {
                malformed = (ex.LineNumber, ex.Reason, ex.Message);
            }
        }

        var contentHash = await hashing.CompleteAsync(cancellationToken);
        var settlementId = header?.SettlementId ?? "(unread)";
        using var settlementScope = header is null ? null : RetailLogScopes.ForSettlement(logger, channel, header.SettlementId);
        var claim = await store.ClaimAsync(file, contentHash, cancellationToken);
        switch (claim)
        {
            case SettlementClaim.AlreadyProcessed:
                logger.Duplicate(channel, file.Name, settlementId, contentHash);
                return new SettlementOutcome(SettlementOutcomeKind.Duplicate, header?.SettlementId);
            case SettlementClaim.InProgressElsewhere:
                logger.InProgressElsewhere(channel, file.Name, settlementId);
                throw new SettlementInProgressException(file, contentHash);
            case SettlementClaim.Resumed:
                logger.Resumed(settlementId, channel);
                break;
        }

        if (malformed is { } problem)
        {
            logger.Quarantined(channel, file.Name, settlementId, problem.Line, problem.Reason);
            await store.QuarantineAsync(
                file,
                new QuarantineReason(channel, file.Name, problem.Line, problem.Reason, problem.Message, contentHash, time.GetUtcNow()),
                cancellationToken);
            await store.CompleteClaimAsync(file, contentHash, nameof(SettlementOutcomeKind.Quarantined), null, cancellationToken);
            return new SettlementOutcome(SettlementOutcomeKind.Quarantined, header?.SettlementId);
        }

        var overview = await ReconcileAsync(file, accumulator.Complete(header!), contentHash, cancellationToken);
        await store.CompleteClaimAsync(file, contentHash, nameof(SettlementOutcomeKind.Reconciled), overview.SettlementId, cancellationToken);
        return new SettlementOutcome(SettlementOutcomeKind.Reconciled, overview.SettlementId, overview);
    }

    private async Task<SettlementOverview> ReconcileAsync(SettlementFile file, SettlementContents contents, string contentHash, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var summary = contents.Summary;
        var now = time.GetUtcNow();
        logger.Parsed(summary.SettlementId, summary.Channel, summary.LineCount, contents.Orders.Count, summary.TotalAmount, summary.Currency);

        var ledger = await orders.FindAsync(summary.Channel, contents.Orders.Keys.ToList(), cancellationToken);
        IReadOnlyList<Orders.OrderRecord> shipped = settings.UnsettledAfterDays == 0
            ? []
            : await orders.FindShippedUnsettledAsync(
                summary.Channel, now.AddDays(-settings.UnsettledLookbackDays), now.AddDays(-settings.UnsettledAfterDays), cancellationToken);
        var reconciliation = new SettlementReconciler(settings).Reconcile(contents, ledger, shipped, now);

        var journal = SettlementJournalBuilder.Build(reconciliation, settings.GlAccounts, now);
        string? journalId = null;
        if (journal.Lines.Count > 0)
        {
            journalId = await erp.PostJournalAsync(journal, journal.JournalKey, cancellationToken);
            logger.JournalPosted(summary.SettlementId, summary.Channel, journal.JournalKey, journalId);
        }
        else
        {
            logger.NothingToJournal(summary.SettlementId, summary.Channel);
        }

        var counts = SettlementOrderCounts.From(reconciliation);
        var overview = new SettlementOverview(
            summary.SettlementId,
            summary.Channel,
            summary.Currency,
            file.Name,
            summary.DepositDate,
            summary.LineCount,
            summary.TotalAmount,
            summary.LinesTotal,
            summary.IsBalanced,
            counts,
            reconciliation.Exceptions.Count,
            reconciliation.Orders.Sum(o => o.SalesVariance + o.FeeVariance) + summary.Difference,
            journal.JournalKey,
            journalId,
            ReportPath(summary.Channel, summary.SettlementId),
            now);
        var report = new SettlementReport(
            overview,
            contentHash,
            summary.PeriodStart,
            summary.PeriodEnd,
            summary.TotalsByKind.ToDictionary(k => JsonNamingPolicy.CamelCase.ConvertName(k.Key.ToString()), k => k.Value),
            summary.UnmappedTypes,
            contents.UnassignedTotal,
            contents.RawTypes,
            journal.Lines,
            reconciliation.Orders,
            reconciliation.Exceptions);

        await orders.MarkSettledAsync(
            summary.Channel,
            summary.SettlementId,
            reconciliation.Orders.Where(o => o.Status is OrderReconciliationStatus.Matched or OrderReconciliationStatus.Variance)
                .Select(o => o.ChannelOrderId!).ToList(),
            cancellationToken);
        await store.SaveExceptionsAsync(overview, reconciliation.Exceptions, cancellationToken);
        await store.SaveOverviewAsync(overview, cancellationToken);
        await store.SaveReportAsync(report, cancellationToken);
        // The event is committed with the overview once the report exists, so it never points at a missing report;
        // a crash before this leaves the claim open and the trigger's retry gets here again.
        await store.SaveOverviewAsync(overview, Announcement(overview, contentHash), cancellationToken);
        metrics.Record(reconciliation);
        logger.Reconciled(summary.SettlementId, summary.Channel, counts.Matched, counts.Variance, counts.OrderUnknown, counts.Unsettled, reconciliation.Exceptions.Count);
        return overview;
    }

    private static RetailEvent Announcement(SettlementOverview overview, string contentHash)
    {
        var data = new SettlementReconciledEvent(
            overview.SettlementId, overview.Channel, overview.Currency, overview.TotalAmount, overview.Orders,
            overview.ExceptionCount, overview.VarianceTotal, overview.JournalId, overview.ReportPath);
        return new RetailEvent(
            $"{RetailEventTypes.SettlementReconciled}:{overview.Channel}:{overview.SettlementId}:{contentHash[..16]}",
            RetailEventTypes.SettlementReconciled,
            overview.JournalKey,
            overview.Channel,
            overview.ReconciledAt,
            JsonSerializer.SerializeToElement(data, SettlementJson.Default.SettlementReconciledEvent));
    }
}
