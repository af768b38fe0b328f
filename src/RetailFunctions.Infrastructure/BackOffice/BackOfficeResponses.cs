namespace RetailFunctions.Infrastructure.BackOffice;

internal sealed record ErpSalesOrderCreated(string ErpOrderId);

internal sealed record ErpInvoicePosted(string InvoiceId);

internal sealed record ErpJournalPosted(string JournalId);

internal sealed record ErpCreditMemoPosted(string CreditMemoId);

internal sealed record AmazonFeedDocument(string FeedDocumentId, string Url);

internal sealed record AmazonFeedCreated(string FeedId);
