using System.Globalization;
using System.Text;
using nietras.SeparatedValues;

namespace RetailFunctions.Core.Settlements.Parsing;

/// <summary>The reading loop shared by every channel: header, row shape, blank lines, then the channel's mapper.</summary>
internal static class SettlementCsv
{
    private const int BufferSize = 1 << 16;

    public static async ValueTask<SettlementHeader> ReadAsync(
        Stream stream,
        char separator,
        Func<SepReaderHeader, ISettlementRowMapper> createMapper,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var text = new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, BufferSize, leaveOpen: true);
        using var reader = await OpenAsync(text, separator, cancellationToken).ConfigureAwait(false);
        if (reader.Header.IsEmpty)
        {
            throw new SettlementFormatException(1, "the file is empty: no header row");
        }

        var mapper = createMapper(reader.Header);
        var columnCount = reader.Header.ColNames.Count;
        var endLineNumber = 2;
        while (await reader.MoveNextAsync(cancellationToken).ConfigureAwait(false))
        {
            endLineNumber = MapRow(reader.Current, columnCount, mapper);
        }

        return mapper.Complete(endLineNumber);
    }

    private static async ValueTask<SepReader> OpenAsync(TextReader text, char separator, CancellationToken cancellationToken)
    {
        try
        {
            return await Sep
                .Reader(options => options with
                {
                    Sep = new Sep(separator),
                    CultureInfo = CultureInfo.InvariantCulture,
                    Unescape = true,
                    DisableColCountCheck = true,
                    ColNameComparer = StringComparer.OrdinalIgnoreCase,
                })
                .FromAsync(text, cancellationToken)
                .ConfigureAwait(false);
        }
        catch (ArgumentException)
        {
            // Sep refuses a header that names a column twice, which is what a file whose header row is missing looks like.
            throw new SettlementFormatException(1, "the header row names a column more than once (is the header row missing?)");
        }
    }

    /// <summary>Finds a column by its header name, wherever it stands.</summary>
    public static int Require(SepReaderHeader header, string name) =>
        header.TryIndexOf(name, out var index)
            ? index
            : throw new SettlementFormatException(1, $"missing column '{name}' in the header");

    /// <returns>-1 when the file has no such column.</returns>
    public static int Optional(SepReaderHeader header, string name) =>
        header.TryIndexOf(name, out var index) ? index : -1;

    private static int MapRow(SepReader.Row row, int columnCount, ISettlementRowMapper mapper)
    {
        // Blank lines (often a trailing one) carry nothing; every other row must have the header's shape.
        if (row.Span.IsWhiteSpace())
        {
            return row.LineNumberToExcl;
        }

        if (row.ColCount != columnCount)
        {
            var problem = row.ColCount < columnCount ? "truncated row" : "row has extra fields";
            throw new SettlementFormatException(
                row.LineNumberFrom, $"{problem}: {row.ColCount} fields where the header has {columnCount}");
        }

        mapper.Map(new SettlementRow(row));
        return row.LineNumberToExcl;
    }
}
