using System.Collections.Concurrent;
using RetailFunctions.Core.BackOffice;

namespace RetailFunctions.Functions.Tests.Fakes;

/// <summary>An ERP that, like the real one, answers a repeated idempotency key with the first result.</summary>
internal sealed class FakeErpClient : IErpClient
{
    private int _unavailableLeft;
    private int _salesOrderAttempts;
    private TimeSpan? _retryAfter;

    public ConcurrentDictionary<string, ErpSalesOrder> SalesOrders { get; } = new();

    public ConcurrentDictionary<string, ErpInvoice> Invoices { get; } = new();

    public ConcurrentDictionary<string, string> Cancellations { get; } = new();

    public int SalesOrderAttempts => Volatile.Read(ref _salesOrderAttempts);

    /// <summary>When set, every sales order is refused as invalid.</summary>
    public bool RejectSalesOrders { get; set; }

    /// <summary>The next <paramref name="times"/> sales orders fail as if the ERP were down; <see cref="int.MaxValue"/> for always.</summary>
    /// <param name="retryAfter">The <c>Retry-After</c> each failure carries, as a throttled ERP answers.</param>
    public void FailSalesOrders(int times, TimeSpan? retryAfter = null) => (_unavailableLeft, _retryAfter) = (times, retryAfter);

    /// <summary>When each sales order was attempted.</summary>
    public ConcurrentQueue<DateTimeOffset> SalesOrderAttemptTimes { get; } = new();

    public Task<string> CreateSalesOrderAsync(ErpSalesOrder order, string idempotencyKey, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _salesOrderAttempts);
        SalesOrderAttemptTimes.Enqueue(DateTimeOffset.UtcNow);
        if (RejectSalesOrders)
        {
            throw new BackOfficeRejectedException("erp", "create sales order", 422, "customer account blocked");
        }

        if (Interlocked.Decrement(ref _unavailableLeft) >= 0)
        {
            throw new BackOfficeUnavailableException("erp", "create sales order", 503, null) { RetryAfter = _retryAfter };
        }

        SalesOrders.TryAdd(idempotencyKey, order);
        return Task.FromResult($"SO-{idempotencyKey}");
    }

    public Task CancelSalesOrderAsync(string erpOrderId, string idempotencyKey, CancellationToken cancellationToken)
    {
        Cancellations.TryAdd(idempotencyKey, erpOrderId);
        return Task.CompletedTask;
    }

    /// <summary>Credit memos by idempotency key: a repeated key posts nothing new, as the ERP's key store does.</summary>
    public ConcurrentDictionary<string, ErpCreditMemo> CreditMemos { get; } = new(StringComparer.Ordinal);

    public Task<string> PostCreditMemoAsync(ErpCreditMemo creditMemo, string idempotencyKey, CancellationToken cancellationToken)
    {
        CreditMemos.TryAdd(idempotencyKey, creditMemo);
        return Task.FromResult($"CM-{idempotencyKey}");
    }

    public Task<string> PostInvoiceAsync(ErpInvoice invoice, string idempotencyKey, CancellationToken cancellationToken)
    {
        Invoices.TryAdd(idempotencyKey, invoice);
        return Task.FromResult($"INV-{idempotencyKey}");
    }

    public Task<string> PostJournalAsync(ErpJournal journal, string idempotencyKey, CancellationToken cancellationToken) =>
        throw new NotSupportedException("OrderToCash posts no journals.");
}
