using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace RetailFunctions.Core.BackOffice.Erp;

/// <summary>
/// The one ERP port the workflows see, in front of the cloud and the legacy ERP. A sales order goes to the ERP its site
/// is on at the time it is posted (<see cref="ErpRoutingOptions"/>); from then on the order stays there: the legacy
/// ERP's order numbers are handed out as <c>LEGACY-{number}</c>, so its invoice and cancellation, which carry that id,
/// reach the same ERP even after the site has cut over.
/// </summary>
/// <param name="legacy">Built on first use: a fabric that routes nothing to the legacy ERP needs no outbox.</param>
public sealed partial class ErpRouter(
    IErpClient cloud,
    Lazy<IErpClient> legacy,
    IOptionsMonitor<ErpRoutingOptions> options,
    TimeProvider time,
    ILogger<ErpRouter> logger) : IErpClient
{
    public const string LegacyOrderPrefix = "LEGACY-";

    public async Task<string> CreateSalesOrderAsync(ErpSalesOrder order, string idempotencyKey, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(order);
        var erp = BySite(order.Lines.Select(l => l.Site).FirstOrDefault(), order.OrderKey);
        return erp == ErpSystem.Cloud
            ? await cloud.CreateSalesOrderAsync(order, idempotencyKey, cancellationToken)
            : LegacyOrderPrefix + await legacy.Value.CreateSalesOrderAsync(order, idempotencyKey, cancellationToken);
    }

    public Task CancelSalesOrderAsync(string erpOrderId, string idempotencyKey, CancellationToken cancellationToken) =>
        TryUnwrapLegacy(erpOrderId, out var legacyOrderId)
            ? legacy.Value.CancelSalesOrderAsync(legacyOrderId, idempotencyKey, cancellationToken)
            : cloud.CancelSalesOrderAsync(erpOrderId, idempotencyKey, cancellationToken);

    public Task<string> PostInvoiceAsync(ErpInvoice invoice, string idempotencyKey, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(invoice);
        return TryUnwrapLegacy(invoice.ErpOrderId, out var legacyOrderId)
            ? legacy.Value.PostInvoiceAsync(invoice with { ErpOrderId = legacyOrderId }, idempotencyKey, cancellationToken)
            : cloud.PostInvoiceAsync(invoice, idempotencyKey, cancellationToken);
    }

    /// <summary>Follows the sales order it credits; without one (an order never posted) the returned goods' site decides.</summary>
    public Task<string> PostCreditMemoAsync(ErpCreditMemo creditMemo, string idempotencyKey, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(creditMemo);
        if (creditMemo.ErpOrderId is { } erpOrderId)
        {
            return TryUnwrapLegacy(erpOrderId, out var legacyOrderId)
                ? legacy.Value.PostCreditMemoAsync(creditMemo with { ErpOrderId = legacyOrderId }, idempotencyKey, cancellationToken)
                : cloud.PostCreditMemoAsync(creditMemo, idempotencyKey, cancellationToken);
        }

        return BySite(creditMemo.Lines.Select(l => l.Site).FirstOrDefault(), creditMemo.ReturnKey) == ErpSystem.Cloud
            ? cloud.PostCreditMemoAsync(creditMemo, idempotencyKey, cancellationToken)
            : legacy.Value.PostCreditMemoAsync(creditMemo, idempotencyKey, cancellationToken);
    }

    /// <summary>Settlement journals belong to the general ledger, not to a site: they go to the default ERP.</summary>
    public Task<string> PostJournalAsync(ErpJournal journal, string idempotencyKey, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(journal);
        var erp = options.CurrentValue.Default;
        LogRouted(journal.JournalKey, "general ledger", erp);
        return erp == ErpSystem.Cloud
            ? cloud.PostJournalAsync(journal, idempotencyKey, cancellationToken)
            : legacy.Value.PostJournalAsync(journal, idempotencyKey, cancellationToken);
    }

    public static bool TryUnwrapLegacy(string erpOrderId, out string legacyOrderId)
    {
        ArgumentNullException.ThrowIfNull(erpOrderId);
        var isLegacy = erpOrderId.StartsWith(LegacyOrderPrefix, StringComparison.Ordinal);
        legacyOrderId = isLegacy ? erpOrderId[LegacyOrderPrefix.Length..] : erpOrderId;
        return isLegacy;
    }

    private ErpSystem BySite(string? site, string reference)
    {
        var erp = options.CurrentValue.For(site, time.GetUtcNow());
        LogRouted(reference, site ?? "no site", erp);
        return erp;
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "ERP document {Reference} ({Site}) goes to the {Erp} ERP")]
    private partial void LogRouted(string reference, string site, ErpSystem erp);
}
