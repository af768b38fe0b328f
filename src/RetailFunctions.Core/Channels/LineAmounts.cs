namespace RetailFunctions.Core.Channels;

/// <summary>For channels that price a line as a whole (Amazon, Walmart) rather than per unit.</summary>
internal static class LineAmounts
{
    // Enough to carry a per-unit share of a line total without losing cents when multiplied back;
    // order subtotals are summed from the exact line totals, never from unit price × quantity.
    private const int UnitPriceDecimals = 4;

    public static decimal UnitPrice(decimal lineTotal, int quantity) =>
        decimal.Round(lineTotal / quantity, UnitPriceDecimals, MidpointRounding.ToEven);
}
