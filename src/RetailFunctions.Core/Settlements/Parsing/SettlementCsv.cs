using System.Globalization;
using System.Text;
using nietras.SeparatedValues;

namespace RetailFunctions.Core.Settlements.Parsing;

/// <summary>The reading loop shared by every channel: header, row shape, blank lines, then the channel's mapper.</summary>
internal static class SettlementCsv
{
    private const int BufferSize = 1 << 16;

    // Text handed over by the UTF-8 reader mid-file: any BOM was consumed at the file's start, so none is skipped here.
    private static readonly UTF8Encoding Utf8WithoutPreamble = new(encoderShouldEmitUTF8Identifier: false);

    public static async ValueTask<SettlementHeader> ReadAsync(
        Stream stream,
        char separator,
        Func<SepReaderHeader, ISettlementRowMapper> createMapper,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var text = new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, BufferSize, leaveOpen: true);
        using var reader = await OpenAsync(text, separator, hasHeader: true, cancellationToken).ConfigureAwait(false);
        var mapper = createMapper(HeaderOf(reader));
        return await MapRowsAsync(reader, reader.Header.ColNames.Count, mapper, 0, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Reads data rows only, numbering them from <paramref name="firstLineNumber"/>: where the UTF-8 reader stopped.</summary>
    public static async ValueTask<SettlementHeader> ContinueAsync(
        Stream rest,
        char separator,
        int columnCount,
        ISettlementRowMapper mapper,
        int firstLineNumber,
        CancellationToken cancellationToken)
    {
        var text = new StreamReader(rest, Utf8WithoutPreamble, detectEncodingFromByteOrderMarks: false, BufferSize, leaveOpen: true);
        using var reader = await OpenAsync(text, separator, hasHeader: false, cancellationToken).ConfigureAwait(false);
        return await MapRowsAsync(reader, columnCount, mapper, firstLineNumber - 1, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The header of a file whose header line (with its line break) is <paramref name="headerLine"/>.</summary>
    public static SepReaderHeader ReadHeader(string headerLine, char separator)
    {
        SepReader reader;
        try
        {
            reader = Options(separator, hasHeader: true).FromText(headerLine);
        }
        catch (ArgumentException)
        {
            throw DuplicateColumn();
        }

        using (reader)
        {
            return HeaderOf(reader);
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

    private static SepReaderHeader HeaderOf(SepReader reader) =>
        reader.Header.IsEmpty ? throw new SettlementFormatException(1, "the file is empty: no header row") : reader.Header;

    private static async ValueTask<SettlementHeader> MapRowsAsync(
        SepReader reader, int columnCount, ISettlementRowMapper mapper, int lineOffset, CancellationToken cancellationToken)
    {
        var buffer = new SettlementRowBuffer();
        var endLineNumber = lineOffset + 2;
        while (await reader.MoveNextAsync(cancellationToken).ConfigureAwait(false))
        {
            endLineNumber = MapRow(reader.Current, columnCount, mapper, buffer, lineOffset);
        }

        return mapper.Complete(endLineNumber);
    }

    private static SepReaderOptions Options(char separator, bool hasHeader) =>
        Sep.Reader(options => options with
        {
            Sep = new Sep(separator),
            HasHeader = hasHeader,
            CultureInfo = CultureInfo.InvariantCulture,
            Unescape = true,
            DisableColCountCheck = true,
            ColNameComparer = StringComparer.OrdinalIgnoreCase,
        });

    private static async ValueTask<SepReader> OpenAsync(
        TextReader text, char separator, bool hasHeader, CancellationToken cancellationToken)
    {
        try
        {
            return await Options(separator, hasHeader).FromAsync(text, cancellationToken).ConfigureAwait(false);
        }
        catch (ArgumentException)
        {
            throw DuplicateColumn();
        }
    }

    // Sep refuses a header that names a column twice, which is what a file whose header row is missing looks like.
    private static SettlementFormatException DuplicateColumn() =>
        new(1, "the header row names a column more than once (is the header row missing?)");

    private static int MapRow(
        SepReader.Row row, int columnCount, ISettlementRowMapper mapper, SettlementRowBuffer buffer, int lineOffset)
    {
        // Blank lines (often a trailing one) carry nothing; every other row must have the header's shape.
        if (row.Span.IsWhiteSpace())
        {
            return lineOffset + row.LineNumberToExcl;
        }

        var lineNumber = lineOffset + row.LineNumberFrom;
        CheckShape(row.ColCount, columnCount, lineNumber);
        mapper.Map(buffer.Copy(row, lineNumber));
        return lineOffset + row.LineNumberToExcl;
    }

    /// <summary>Every data row must have as many fields as the header.</summary>
    public static void CheckShape(int fieldCount, int columnCount, int lineNumber)
    {
        if (fieldCount != columnCount)
        {
            var problem = fieldCount < columnCount ? "truncated row" : "row has extra fields";
            throw new SettlementFormatException(
                lineNumber, $"{problem}: {fieldCount} fields where the header has {columnCount}");
        }
    }
}
