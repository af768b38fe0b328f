using System.Globalization;

namespace RetailFunctions.Core.Inventory;

/// <summary>
/// A full count as CSV: <c>sku,location,onHand[,inTransit]</c>, an optional header line, blank lines ignored.
/// The whole file is read and checked before anything is applied, so a bad line leaves every position as it was.
/// </summary>
public static class InventorySnapshotParser
{
    public static async Task<IReadOnlyList<SnapshotRow>> ParseAsync(TextReader reader, CancellationToken cancellationToken)
    {
        var rows = new List<SnapshotRow>();
        var seen = new Dictionary<StockKey, int>();
        var lineNumber = 0;
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            var fields = line.Split(',').Select(f => f.Trim().Trim('"').Trim()).ToArray();
            if (rows.Count == 0 && seen.Count == 0 && fields[0].Equals("sku", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var row = Row(lineNumber, fields);
            if (seen.TryGetValue(row.Key, out var first))
            {
                throw new InventorySnapshotFormatException(lineNumber, $"{row.Sku} at {row.Location} is counted again (first on line {first}).");
            }

            seen[row.Key] = lineNumber;
            rows.Add(row);
        }

        return rows.Count > 0 ? rows : throw new InventorySnapshotFormatException(lineNumber, "the file has no counts.");
    }

    private static SnapshotRow Row(int line, string[] fields)
    {
        if (fields.Length is < 3 or > 4)
        {
            throw new InventorySnapshotFormatException(line, $"expected sku,location,onHand[,inTransit] but found {fields.Length} fields.");
        }

        if (fields[0].Length == 0 || fields[1].Length == 0)
        {
            throw new InventorySnapshotFormatException(line, "sku and location must not be empty.");
        }

        return new SnapshotRow(
            line,
            fields[0],
            fields[1],
            Count(line, "onHand", fields[2]),
            fields.Length == 4 && fields[3].Length > 0 ? Count(line, "inTransit", fields[3]) : null);
    }

    private static long Count(int line, string name, string text) =>
        long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value <= int.MaxValue
            ? value
            : throw new InventorySnapshotFormatException(line, $"{name} '{text}' is not a non-negative whole number.");
}
