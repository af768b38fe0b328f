using RetailFunctions.Core.BackOffice;

namespace RetailFunctions.Simulators.Tests;

public static class BackOfficeSamples
{
    public static ErpSalesOrder SalesOrder(string channelOrderId = "5551234567890") => new(
        $"order-shopify-{channelOrderId}",
        "shopify",
        channelOrderId,
        "USD",
        [new ErpOrderLine("SKU-1500", "DC1", 2, 19.99m, 2.00m, 3.24m), new ErpOrderLine("SKU-2001", "DC1", 1, 45.00m, 0m, 3.71m)],
        5.99m,
        95.92m,
        PaidAndFulfilled: false);

    public static ErpJournal Journal(string key, decimal debit, decimal credit) => new(
        key,
        "amazon-settlement",
        "USD",
        new DateOnly(2025, 3, 14),
        [new ErpJournalLine("1200", debit, 0m, key, "Deposit"), new ErpJournalLine("4000", 0m, credit, key, "Sales")]);

    public static FulfilmentRequest Fulfilment(params FulfilmentLine[] lines) =>
        new("order-walmart-1796277083022", "walmart", "1796277083022", "DC1", lines);
}
