using RetailFunctions.Core.BackOffice;

namespace RetailFunctions.Core.Tests.Fakes;

/// <summary>An ERP that keeps every document it is sent and answers a repeated idempotency key with the first number.</summary>
internal sealed class RecordingErp : IErpClient
{
    private readonly Dictionary<string, string> _numbers = [];

    public List<(object Document, string IdempotencyKey)> Documents { get; } = [];

    public Task<string> CreateSalesOrderAsync(ErpSalesOrder order, string idempotencyKey, CancellationToken cancellationToken) => Record(order, idempotencyKey, "SO");

    public Task CancelSalesOrderAsync(string erpOrderId, string idempotencyKey, CancellationToken cancellationToken) => Record(erpOrderId, idempotencyKey, "CX");

    public Task<string> PostInvoiceAsync(ErpInvoice invoice, string idempotencyKey, CancellationToken cancellationToken) => Record(invoice, idempotencyKey, "INV");

    public Task<string> PostCreditMemoAsync(ErpCreditMemo creditMemo, string idempotencyKey, CancellationToken cancellationToken) => Record(creditMemo, idempotencyKey, "CM");

    public Task<string> PostJournalAsync(ErpJournal journal, string idempotencyKey, CancellationToken cancellationToken) => Record(journal, idempotencyKey, "JE");

    private Task<string> Record(object document, string idempotencyKey, string prefix)
    {
        if (!_numbers.TryGetValue(idempotencyKey, out var number))
        {
            _numbers[idempotencyKey] = number = $"{prefix}-{_numbers.Count + 1:D6}";
            Documents.Add((document, idempotencyKey));
        }

        return Task.FromResult(number);
    }
}
