namespace RetailFunctions.Core.BackOffice;

/// <summary>
/// The ERP as the fabric sees it. Every call carries an idempotency key: the ERP answers a repeated key with the
/// result of the first call, so a retried activity never creates a second document.
/// </summary>
public interface IErpClient
{
    /// <returns>The ERP's sales order number.</returns>
    Task<string> CreateSalesOrderAsync(ErpSalesOrder order, string idempotencyKey, CancellationToken cancellationToken);

    Task CancelSalesOrderAsync(string erpOrderId, string idempotencyKey, CancellationToken cancellationToken);

    /// <returns>The ERP's invoice number.</returns>
    Task<string> PostInvoiceAsync(ErpInvoice invoice, string idempotencyKey, CancellationToken cancellationToken);

    /// <returns>The ERP's credit memo number.</returns>
    Task<string> PostCreditMemoAsync(ErpCreditMemo creditMemo, string idempotencyKey, CancellationToken cancellationToken);

    /// <returns>The ERP's journal number.</returns>
    Task<string> PostJournalAsync(ErpJournal journal, string idempotencyKey, CancellationToken cancellationToken);
}
