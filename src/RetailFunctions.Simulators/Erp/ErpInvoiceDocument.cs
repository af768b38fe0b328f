using RetailFunctions.Core.BackOffice;

namespace RetailFunctions.Simulators.Erp;

public sealed record ErpInvoiceDocument(string InvoiceId, string IdempotencyKey, DateTimeOffset PostedAt, ErpInvoice Invoice);
