namespace RetailFunctions.Core.BackOffice;

public sealed record ErpSalesOrder(
    string OrderKey,
    string Channel,
    string ChannelOrderId,
    string Currency,
    IReadOnlyList<ErpOrderLine> Lines,
    decimal ShippingAmount,
    decimal Total,
    bool PaidAndFulfilled);

/// <remarks><paramref name="Discount"/> and <paramref name="Tax"/> are totals for the line.</remarks>
public sealed record ErpOrderLine(string ItemCode, string Site, int Quantity, decimal UnitPrice, decimal Discount, decimal Tax);

public sealed record ErpInvoice(string ErpOrderId, string OrderKey, string Currency, IReadOnlyList<ErpInvoiceLine> Lines, decimal Total);

public sealed record ErpInvoiceLine(string ItemCode, int Quantity, decimal Amount);

public sealed record ErpJournal(string JournalKey, string Source, string Currency, DateOnly PostingDate, IReadOnlyList<ErpJournalLine> Lines);

/// <remarks>Exactly one of <paramref name="Debit"/> and <paramref name="Credit"/> is non-zero.</remarks>
public sealed record ErpJournalLine(string Account, decimal Debit, decimal Credit, string? Reference, string? Memo);

/// <summary>A credit against a sales order for goods that came back; <paramref name="ReturnKey"/> names the return.</summary>
public sealed record ErpCreditMemo(string ReturnKey, string OrderKey, string? ErpOrderId, string Currency, IReadOnlyList<ErpCreditMemoLine> Lines, decimal Total);

/// <param name="Disposition"><c>Restock</c> (back into stock at <paramref name="Site"/>) or <c>Damaged</c> (written off).</param>
public sealed record ErpCreditMemoLine(string ItemCode, string Site, int Quantity, decimal Amount, string Disposition);
