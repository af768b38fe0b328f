namespace RetailFunctions.Core.BackOffice.Erp;

/// <summary>
/// One file in <c>erp-legacy-outbox/</c>: a single UTF-8 JSON object naming its type and key, with exactly one of the
/// document bodies filled in (the same shapes the cloud ERP takes). See <see cref="LegacyErpFiles"/> for the names.
/// </summary>
/// <param name="Format">Always <see cref="LegacyErpFiles.FormatVersion"/>; a reader refuses any other.</param>
/// <param name="DocumentKey">The idempotency key: the legacy ERP books a key once.</param>
public sealed record LegacyErpDocument(
    string Format,
    string DocumentType,
    string DocumentKey,
    DateTimeOffset WrittenAt,
    ErpSalesOrder? SalesOrder = null,
    LegacyErpCancellation? Cancellation = null,
    ErpInvoice? Invoice = null,
    ErpCreditMemo? CreditMemo = null,
    ErpJournal? Journal = null);

/// <param name="OrderNumber">The legacy ERP's own sales order number, as its acknowledgement gave it.</param>
public sealed record LegacyErpCancellation(string OrderNumber);
