using RetailFunctions.Core.BackOffice;

namespace RetailFunctions.Simulators.Erp;

/// <param name="TraceParent">The W3C <c>traceparent</c> the request carried: shows whether the fabric's trace reached the ERP.</param>
public sealed record ErpSalesOrderDocument(
    string ErpOrderId,
    string IdempotencyKey,
    ErpSalesOrderStatus Status,
    DateTimeOffset CreatedAt,
    DateTimeOffset? CancelledAt,
    string? InvoiceId,
    ErpSalesOrder Order,
    string? TraceParent = null);
