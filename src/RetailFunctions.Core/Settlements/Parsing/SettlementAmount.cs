using System.Globalization;

namespace RetailFunctions.Core.Settlements.Parsing;

/// <summary>Reads amounts as settlement files write them: <c>-12.34</c>, or <c>-12,34</c> in EU Amazon marketplaces.</summary>
public static class SettlementAmount
{
    private const NumberStyles Styles = NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint;
    private const int MaxLength = 64;
    private const int MaxPlainDigits = 18;

    public static bool TryParse(ReadOnlySpan<char> text, out decimal value)
    {
        var s = text.Trim();
        if (TryParsePlain(s, out value))
        {
            return true;
        }

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

    /// <summary>
    /// <c>-123.45</c>: an optional minus, at most 18 digits and one point, read as <see cref="decimal.Parse(string)"/> would
    /// (same scale, so <c>4.50</c> stays <c>4.50</c>); anything else, negative zero included, takes the framework's path.
    /// </summary>
    private static bool TryParsePlain(ReadOnlySpan<char> s, out decimal value)
    {
        value = 0;
        var negative = s.Length > 0 && s[0] == '-';
        var digits = 0;
        var scale = -1;
        ulong mantissa = 0;
        for (var i = negative ? 1 : 0; i < s.Length; i++)
        {
            var c = s[i];
            if (char.IsAsciiDigit(c))
            {
                mantissa = (mantissa * 10) + (uint)(c - '0');
                digits++;
                scale += scale >= 0 ? 1 : 0;
            }
            else if (c != '.' || scale >= 0)
            {
                return false;
            }
            else
            {
                scale = 0;
            }

            if (digits > MaxPlainDigits)
            {
                return false;
            }
        }

        if (digits == 0 || (negative && mantissa == 0))
        {
            return false;
        }

        value = new decimal((int)(uint)mantissa, (int)(uint)(mantissa >> 32), 0, negative, (byte)Math.Max(scale, 0));
        return true;
    }
}
