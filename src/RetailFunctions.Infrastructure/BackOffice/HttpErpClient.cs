using Microsoft.Extensions.Logging;
using RetailFunctions.Core.BackOffice;

namespace RetailFunctions.Infrastructure.BackOffice;

/// <summary>The ERP's document API: <c>sales-orders</c>, <c>invoices</c>, <c>credit-memos</c>, <c>journals</c> under <c>BackOffice:Erp:BaseUrl</c>.</summary>
public sealed class HttpErpClient(HttpClient http, ILogger<HttpErpClient> logger) : IErpClient
{
    public async Task<string> CreateSalesOrderAsync(ErpSalesOrder order, string idempotencyKey, CancellationToken cancellationToken)
    {
        using var request = BackOfficeHttp.Json(HttpMethod.Post, "sales-orders", order, BackOfficeJson.Default.ErpSalesOrder, idempotencyKey);
        using var response = await BackOfficeHttp.SendAsync(http, request, BackOfficeSystems.Erp, "createSalesOrder", cancellationToken);
        var created = await BackOfficeHttp.ReadAsync(response, BackOfficeJson.Default.ErpSalesOrderCreated, BackOfficeSystems.Erp, "createSalesOrder", cancellationToken);
        logger.Done(BackOfficeSystems.Erp, "createSalesOrder", order.OrderKey, created.ErpOrderId);
        return created.ErpOrderId;
    }

    public async Task CancelSalesOrderAsync(string erpOrderId, string idempotencyKey, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"sales-orders/{Uri.EscapeDataString(erpOrderId)}/cancel");
        request.Headers.Add(BackOfficeHttp.IdempotencyKeyHeader, idempotencyKey);
        await BackOfficeHttp.SendAndForgetAsync(http, request, BackOfficeSystems.Erp, "cancelSalesOrder", cancellationToken);
        logger.Done(BackOfficeSystems.Erp, "cancelSalesOrder", erpOrderId, "cancelled");
    }

    public async Task<string> PostInvoiceAsync(ErpInvoice invoice, string idempotencyKey, CancellationToken cancellationToken)
    {
        using var request = BackOfficeHttp.Json(HttpMethod.Post, "invoices", invoice, BackOfficeJson.Default.ErpInvoice, idempotencyKey);
        using var response = await BackOfficeHttp.SendAsync(http, request, BackOfficeSystems.Erp, "postInvoice", cancellationToken);
        var posted = await BackOfficeHttp.ReadAsync(response, BackOfficeJson.Default.ErpInvoicePosted, BackOfficeSystems.Erp, "postInvoice", cancellationToken);
        logger.Done(BackOfficeSystems.Erp, "postInvoice", invoice.ErpOrderId, posted.InvoiceId);
        return posted.InvoiceId;
    }

    public async Task<string> PostCreditMemoAsync(ErpCreditMemo creditMemo, string idempotencyKey, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(creditMemo);
        using var request = BackOfficeHttp.Json(HttpMethod.Post, "credit-memos", creditMemo, BackOfficeJson.Default.ErpCreditMemo, idempotencyKey);
        using var response = await BackOfficeHttp.SendAsync(http, request, BackOfficeSystems.Erp, "postCreditMemo", cancellationToken);
        var posted = await BackOfficeHttp.ReadAsync(response, BackOfficeJson.Default.ErpCreditMemoPosted, BackOfficeSystems.Erp, "postCreditMemo", cancellationToken);
        logger.Done(BackOfficeSystems.Erp, "postCreditMemo", creditMemo.ReturnKey, posted.CreditMemoId);
        return posted.CreditMemoId;
    }

    public async Task<string> PostJournalAsync(ErpJournal journal, string idempotencyKey, CancellationToken cancellationToken)
    {
        using var request = BackOfficeHttp.Json(HttpMethod.Post, "journals", journal, BackOfficeJson.Default.ErpJournal, idempotencyKey);
        using var response = await BackOfficeHttp.SendAsync(http, request, BackOfficeSystems.Erp, "postJournal", cancellationToken);
        var posted = await BackOfficeHttp.ReadAsync(response, BackOfficeJson.Default.ErpJournalPosted, BackOfficeSystems.Erp, "postJournal", cancellationToken);
        logger.Done(BackOfficeSystems.Erp, "postJournal", journal.JournalKey, posted.JournalId);
        return posted.JournalId;
    }
}
