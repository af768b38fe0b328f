namespace RetailFunctions.Core.Orders;

/// <remarks><paramref name="Discount"/> and <paramref name="Tax"/> are totals for the whole line, not per unit.</remarks>
public sealed record OrderLine(
    string LineId,
    string Sku,
    int Quantity,
    decimal UnitPrice,
    decimal Discount,
    decimal Tax,
    string? Title);
