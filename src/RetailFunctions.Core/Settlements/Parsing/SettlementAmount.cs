using System.Globalization;

namespace RetailFunctions.Core.Settlements.Parsing;

/// <summary>Reads amounts as settlement files write them: <c>-12.34</c>, or <c>-12,34</c> in EU Amazon marketplaces.</summary>
public static class SettlementAmount
{
    private const NumberStyles Styles = NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint;
    private const int MaxLength = 64;

    public static bool TryParse(ReadOnlySpan<char> text, out decimal value)
    {
        var s = text.Trim();
        var comma = s.IndexOf(',');
        if (comma < 0)
        {
            return decimal.TryParse(s, Styles, CultureInfo.InvariantCulture, out value);
        }

        // A comma is read as the decimal separator only when it is the sole separator: "1,234.56" stays ambiguous and is refused.
        if (s.Length > MaxLength || s.Contains('.') || s.LastIndexOf(',') != comma)
        {
            value = 0;
            return false;
        }

        Span<char> buffer = stackalloc char[s.Length];
        s.CopyTo(buffer);
        buffer[comma] = '.';
        return decimal.TryParse(buffer, Styles, CultureInfo.InvariantCulture, out value);
    }
}
