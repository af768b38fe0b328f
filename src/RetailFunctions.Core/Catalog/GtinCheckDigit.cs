namespace RetailFunctions.Core.Catalog;

/// <summary>GS1 check digit of GTIN-8, -12 (UPC), -13 (EAN) and -14: weights 3 and 1 from the right, modulo 10.</summary>
public static class GtinCheckDigit
{
    public static bool IsValid(string gtin)
    {
        if (gtin.Length is not (8 or 12 or 13 or 14) || !gtin.All(char.IsAsciiDigit))
        {
            return false;
        }

        var sum = 0;
        for (var i = gtin.Length - 2; i >= 0; i--)
        {
            var weight = (gtin.Length - 2 - i) % 2 == 0 ? 3 : 1;
            sum += (gtin[i] - '0') * weight;
        }

        return (10 - (sum % 10)) % 10 == gtin[^1] - '0';
    }

    /// <summary>The GTIN made of <paramref name="body"/> (all digits but the last) and its check digit.</summary>
    public static string Complete(string body)
    {
        var sum = 0;
        for (var i = body.Length - 1; i >= 0; i--)
        {
            sum += (body[i] - '0') * ((body.Length - 1 - i) % 2 == 0 ? 3 : 1);
        }

        return body + (char)('0' + ((10 - (sum % 10)) % 10));
    }
}
