using System.Globalization;
using RetailFunctions.Core.BackOffice;
using RetailFunctions.Simulators.Gateway;

namespace RetailFunctions.Simulators.Erp;

/// <summary>The ERP's documents. Numbers are sequential per document type, as an ERP's number series are.</summary>
public sealed class ErpState(TimeProvider time) : ISimulatedSystem
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, ErpSalesOrderDocument> _orders = new(StringComparer.Ordinal);
    private readonly List<ErpInvoiceDocument> _invoices = [];
    private readonly List<ErpJournalDocument> _journals = [];
    private readonly List<ErpCreditMemoDocument> _creditMemos = [];

    public string System => "erp";

    public ErpSalesOrderDocument CreateSalesOrder(ErpSalesOrder order, string idempotencyKey, string? traceParent = null)
    {
        lock (_gate)
        {
            var document = new ErpSalesOrderDocument(Number("SO", _orders.Count), idempotencyKey, ErpSalesOrderStatus.Open, time.GetUtcNow(), null, null, order, traceParent);
            _orders.Add(document.ErpOrderId, document);
            return document;
        }
    }

    public ErpSalesOrderDocument? GetSalesOrder(string erpOrderId)
    {
        lock (_gate)
        {
            return _orders.GetValueOrDefault(erpOrderId);
        }
    }

    public ErpOutcome<ErpSalesOrderDocument> Cancel(string erpOrderId)
    {
        lock (_gate)
        {
            if (!_orders.TryGetValue(erpOrderId, out var order))
            {
                return ErpOutcome<ErpSalesOrderDocument>.Refused(StatusCodes.Status404NotFound, $"Sales order {erpOrderId} does not exist.");
            }

            switch (order.Status)
            {
                case ErpSalesOrderStatus.Invoiced:
                    return ErpOutcome<ErpSalesOrderDocument>.Refused(StatusCodes.Status409Conflict, $"Sales order {erpOrderId} is invoiced; post a credit memo instead.");
                case ErpSalesOrderStatus.Open:
                    order = order with { Status = ErpSalesOrderStatus.Cancelled, CancelledAt = time.GetUtcNow() };
                    _orders[erpOrderId] = order;
                    break;
            }

            return ErpOutcome<ErpSalesOrderDocument>.Ok(order);
        }
    }

    public ErpOutcome<ErpInvoiceDocument> PostInvoice(ErpInvoice invoice, string idempotencyKey)
    {
        lock (_gate)
        {
            if (!_orders.TryGetValue(invoice.ErpOrderId, out var order))
            {
                return ErpOutcome<ErpInvoiceDocument>.Refused(StatusCodes.Status422UnprocessableEntity, $"Sales order {invoice.ErpOrderId} does not exist.");
            }

            if (order.Status != ErpSalesOrderStatus.Open)
            {
                return ErpOutcome<ErpInvoiceDocument>.Refused(StatusCodes.Status409Conflict, $"Sales order {invoice.ErpOrderId} is {order.Status}.");
            }

            var document = new ErpInvoiceDocument(Number("INV", _invoices.Count), idempotencyKey, time.GetUtcNow(), invoice);
            _invoices.Add(document);
            _orders[order.ErpOrderId] = order with { Status = ErpSalesOrderStatus.Invoiced, InvoiceId = document.InvoiceId };
            return ErpOutcome<ErpInvoiceDocument>.Ok(document);
        }
    }

    /// <summary>One credit memo per return; it credits a sales order that exists and is not cancelled.</summary>
    public ErpOutcome<ErpCreditMemoDocument> PostCreditMemo(ErpCreditMemo creditMemo, string idempotencyKey)
    {
        lock (_gate)
        {
            if (_creditMemos.Find(c => c.CreditMemo.ReturnKey == creditMemo.ReturnKey) is { } existing)
            {
                return ErpOutcome<ErpCreditMemoDocument>.Refused(StatusCodes.Status409Conflict, $"Return {creditMemo.ReturnKey} was already credited as {existing.CreditMemoId}.");
            }

            if (creditMemo.ErpOrderId is { } erpOrderId
                && (!_orders.TryGetValue(erpOrderId, out var order) || order.Status == ErpSalesOrderStatus.Cancelled))
            {
                return ErpOutcome<ErpCreditMemoDocument>.Refused(StatusCodes.Status422UnprocessableEntity, $"Sales order {erpOrderId} does not exist or is cancelled.");
            }

            var document = new ErpCreditMemoDocument(Number("CM", _creditMemos.Count), idempotencyKey, time.GetUtcNow(), creditMemo);
            _creditMemos.Add(document);
            return ErpOutcome<ErpCreditMemoDocument>.Ok(document);
        }
    }

    public ErpOutcome<ErpJournalDocument> PostJournal(ErpJournal journal, string idempotencyKey)
    {
        lock (_gate)
        {
            if (_journals.Find(j => j.Journal.JournalKey == journal.JournalKey) is { } existing)
            {
                return ErpOutcome<ErpJournalDocument>.Refused(StatusCodes.Status409Conflict, $"Journal {journal.JournalKey} was already posted as {existing.JournalId}.");
            }

            var document = new ErpJournalDocument(Number("JE", _journals.Count), idempotencyKey, time.GetUtcNow(), journal);
            _journals.Add(document);
            return ErpOutcome<ErpJournalDocument>.Ok(document);
        }
    }

    public IReadOnlyList<ErpSalesOrderDocument> SalesOrders()
    {
        lock (_gate)
        {
            return _orders.Values.OrderBy(o => o.ErpOrderId, StringComparer.Ordinal).ToArray();
        }
    }

    public IReadOnlyList<ErpInvoiceDocument> Invoices()
    {
        lock (_gate)
        {
            return _invoices.ToArray();
        }
    }

    public IReadOnlyList<ErpCreditMemoDocument> CreditMemos()
    {
        lock (_gate)
        {
            return _creditMemos.ToArray();
        }
    }

    public IReadOnlyList<ErpJournalDocument> Journals()
    {
        lock (_gate)
        {
            return _journals.ToArray();
        }
    }

    public void Reset()
    {
        lock (_gate)
        {
            _orders.Clear();
            _invoices.Clear();
            _journals.Clear();
            _creditMemos.Clear();
        }
    }

    private static string Number(string prefix, int existing) =>
        $"{prefix}-{(existing + 1).ToString("D6", CultureInfo.InvariantCulture)}";
}
