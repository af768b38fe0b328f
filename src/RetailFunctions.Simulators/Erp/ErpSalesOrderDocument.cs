using RetailFunctions.Core.BackOffice;

namespace RetailFunctions.Simulators.Erp;

public sealed record ErpSalesOrderDocument(
    string ErpOrderId,
    string IdempotencyKey,
    ErpSalesOrderStatus Status,
    DateTimeOffset CreatedAt,
    DateTimeOffset? CancelledAt,
    string? InvoiceId,
    ErpSalesOrder Order);
