namespace RetailFunctions.Core.Settlements.Parsing;

/// <summary>
/// Reads the date formats settlement files use: <c>2024-03-01</c>, <c>01.03.2024</c> (EU Amazon marketplaces),
/// <c>03/01/2024</c> (Walmart), each optionally followed by a time (<c>07:00</c>, <c>07:00:00</c>, <c>07:00:00.123</c>,
/// after a space or <c>T</c>) and a zone (<c>UTC</c>, <c>GMT</c>, <c>Z</c>, <c>+01:00</c>, <c>-0500</c>); no zone means UTC.
/// </summary>
/// <remarks>Hand-written rather than <c>TryParseExact</c> with a list of formats: it runs once per line of files with millions of lines.</remarks>
public static class SettlementDate
{
    private const int MaxOffsetMinutes = 14 * 60;

    public static bool TryParse(ReadOnlySpan<char> text, out DateTimeOffset value)
    {
        value = default;
        var s = text.Trim();
        if (s.Length < 10 || !TryReadDate(s, out var year, out var month, out var day))
        {
            return false;
        }

        var pos = 10;
        int hour = 0, minute = 0, second = 0;
        long fractionTicks = 0;
        if (pos + 1 < s.Length && (s[pos] == ' ' || s[pos] == 'T') && char.IsAsciiDigit(s[pos + 1]))
        {
            if (!TryReadTime(s, ref pos, out hour, out minute, out second, out fractionTicks))
            {
                return false;
            }
        }

        if (!TryReadOffset(s[pos..].Trim(), out var offsetMinutes)
            || month is < 1 or > 12 || day < 1 || year < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return false;
        }

        value = new DateTimeOffset(year, month, day, hour, minute, second, TimeSpan.FromMinutes(offsetMinutes))
            .AddTicks(fractionTicks);
        return true;
    }

    private static bool TryReadDate(ReadOnlySpan<char> s, out int year, out int month, out int day)
    {
        year = month = day = 0;
        return (s[4], s[7], s[2], s[5]) switch
        {
            ('-', '-', _, _) => TryDigits(s, 0, 4, out year) && TryDigits(s, 5, 2, out month) && TryDigits(s, 8, 2, out day),
            (_, _, '.', '.') => TryDigits(s, 0, 2, out day) && TryDigits(s, 3, 2, out month) && TryDigits(s, 6, 4, out year),
            (_, _, '/', '/') => TryDigits(s, 0, 2, out month) && TryDigits(s, 3, 2, out day) && TryDigits(s, 6, 4, out year),
            _ => false,
        };
    }

    private static bool TryReadTime(
        ReadOnlySpan<char> s, ref int pos, out int hour, out int minute, out int second, out long fractionTicks)
    {
        hour = minute = second = 0;
        fractionTicks = 0;
        if (pos + 6 > s.Length || s[pos + 3] != ':'
            || !TryDigits(s, pos + 1, 2, out hour) || !TryDigits(s, pos + 4, 2, out minute))
        {
            return false;
        }

        pos += 6;
        if (pos < s.Length && s[pos] == ':')
        {
            if (pos + 3 > s.Length || !TryDigits(s, pos + 1, 2, out second))
            {
                return false;
            }

            pos += 3;
            if (pos < s.Length && s[pos] == '.')
            {
                pos++;
                var scale = TimeSpan.TicksPerSecond;
                var digits = 0;
                while (pos < s.Length && char.IsAsciiDigit(s[pos]))
                {
                    if (scale > 1)
                    {
                        scale /= 10;
                        fractionTicks += (s[pos] - '0') * scale;
                    }

                    pos++;
                    digits++;
                }

                if (digits == 0)
                {
                    return false;
                }
            }
        }

        return hour < 24 && minute < 60 && second < 60;
    }

    private static bool TryReadOffset(ReadOnlySpan<char> zone, out int minutes)
    {
        minutes = 0;
        if (zone.IsEmpty || zone is "Z" or "z" || zone.Equals("UTC", StringComparison.OrdinalIgnoreCase)
            || zone.Equals("GMT", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        if (zone[0] is not ('+' or '-'))
        {
            return false;
        }

        var sign = zone[0] == '-' ? -1 : 1;
        var rest = zone[1..];
        int hours = 0, mins = 0;
        var valid = rest.Length switch
        {
            2 => TryDigits(rest, 0, 2, out hours),
            4 => TryDigits(rest, 0, 2, out hours) && TryDigits(rest, 2, 2, out mins),
            5 => rest[2] == ':' && TryDigits(rest, 0, 2, out hours) && TryDigits(rest, 3, 2, out mins),
            _ => false,
        };
        minutes = sign * ((hours * 60) + mins);
        return valid && mins < 60 && Math.Abs(minutes) <= MaxOffsetMinutes;
    }

    private static bool TryDigits(ReadOnlySpan<char> s, int start, int count, out int value)
    {
        value = 0;
        if (start + count > s.Length)
        {
            return false;
        }

        foreach (var c in s.Slice(start, count))
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }

            value = (value * 10) + (c - '0');
        }

        return true;
    }
}
