namespace RetailFunctions.Simulators.Erp;

public sealed record ErpSalesOrderResult(string ErpOrderId, ErpSalesOrderStatus Status);

public sealed record ErpInvoiceResult(string InvoiceId, string ErpOrderId);

public sealed record ErpJournalResult(string JournalId, string JournalKey);

public sealed record ErpCreditMemoResult(string CreditMemoId, string ReturnKey);
