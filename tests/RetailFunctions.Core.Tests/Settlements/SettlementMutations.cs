using System.Globalization;
using System.Text;

namespace RetailFunctions.Core.Tests.Settlements;

/// <summary>The fuzzer's mutations: what damaged, hand-edited or hostile settlement files look like.</summary>
internal static class SettlementMutations
{
    private static readonly string[] BadNumbers = ["1O.00", "NaN", "-", "1e400", "99999999999999999999999999999999.99", "1,000.00", "(12.50)", "١٢", "--3", ".", "0x1F", "\"12.00\""];
    private static readonly string[] BadDates = ["2024-02-30", "13/45/2024", "yesterday", "0000-00-00 00:00:00 UTC", "9999-12-31 23:59:59 UTC", "2024-03-01T25:00:00Z", "02/30/2024", "1/1/1"];
    private static readonly string[] Noise = ["\"", "\"\"", "\t", ",", "\r", "\n", "\0", "\uFEFF", "\u00e9", "\\", "\"unterminated", "\r\n\r\n"];

    public static (string Mutation, byte[] Input) Next(Random random, byte[] original)
    {
        var text = Encoding.UTF8.GetString(original);
        var lines = text.Split('\n').ToList();
        switch (random.Next(11))
        {
            case 0:
                var bytes = new byte[random.Next(0, 4096)];
                random.NextBytes(bytes);
                return ($"random {bytes.Length} bytes", bytes);
            case 1:
                var cut = random.Next(0, original.Length);
                return ($"truncated at byte {cut}", original[..cut]);
            case 2:
                var flipped = (byte[])original.Clone();
                var flips = random.Next(1, 6);
                for (var f = 0; f < flips; f++)
                {
                    flipped[random.Next(flipped.Length)] ^= (byte)(1 << random.Next(8));
                }

                return ($"{flips} bits flipped", flipped);
            case 3:
                var duplicated = random.Next(lines.Count);
                lines.Insert(duplicated, lines[duplicated]);
                return ($"line {duplicated + 1} duplicated", Join(lines));
            case 4:
                var deleted = random.Next(lines.Count);
                lines.RemoveAt(deleted);
                return ($"line {deleted + 1} deleted", Join(lines));
            case 5:
                return SwapColumns(random, lines);
            case 6:
                return ReplaceField(random, lines, BadNumbers, "number");
            case 7:
                return ReplaceField(random, lines, BadDates, "date");
            case 8:
                var at = random.Next(text.Length + 1);
                var noise = Noise[random.Next(Noise.Length)];
                return ($"'{Escape(noise)}' inserted at char {at}", Encoding.UTF8.GetBytes(text.Insert(at, noise)));
            case 9:
                var shuffled = lines.Skip(1).OrderBy(_ => random.Next()).Prepend(lines[0]).ToList();
                return ("data lines reordered", Join(shuffled));
            default:
                var repeated = random.Next(2, 50);
                var row = random.Next(1, lines.Count);
                lines.InsertRange(row, Enumerable.Repeat(lines[row], repeated));
                return ($"line {row + 1} repeated {repeated} times", Join(lines));
        }
    }

    private static (string, byte[]) SwapColumns(Random random, List<string> lines)
    {
        var separator = lines[0].Contains('\t') ? '\t' : ',';
        var width = lines[0].Split(separator).Length;
        int a = random.Next(width), b = random.Next(width);
        var everyLine = random.Next(2) == 0;
        var target = random.Next(lines.Count);
        for (var i = 0; i < lines.Count; i++)
        {
            if (!everyLine && i != target)
            {
                continue;
            }

            var fields = lines[i].Split(separator);
            if (a < fields.Length && b < fields.Length)
            {
                (fields[a], fields[b]) = (fields[b], fields[a]);
                lines[i] = string.Join(separator, fields);
            }
        }

        return ($"columns {a} and {b} swapped on {(everyLine ? "every line" : $"line {target + 1}")}", Join(lines));
    }

    private static (string, byte[]) ReplaceField(Random random, List<string> lines, string[] values, string kind)
    {
        var separator = lines[0].Contains('\t') ? '\t' : ',';
        var line = random.Next(lines.Count);
        var fields = lines[line].Split(separator);
        var column = random.Next(fields.Length);
        var value = values[random.Next(values.Length)];
        fields[column] = value;
        lines[line] = string.Join(separator, fields);
        return ($"bad {kind} '{Escape(value)}' in line {line + 1} column {column}", Join(lines));
    }

    private static byte[] Join(List<string> lines) => Encoding.UTF8.GetBytes(string.Join('\n', lines));

    private static string Escape(string value) =>
        string.Concat(value.Select(c => char.IsControl(c) || c == '\uFEFF' ? $"\\u{(int)c:x4}" : c.ToString(CultureInfo.InvariantCulture)));
}
