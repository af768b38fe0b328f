using System.Globalization;
using System.Text;
using RetailFunctions.Core.Settlements;
using A = RetailFunctions.Core.Tests.Settlements.AmazonSettlementParserTests;

namespace RetailFunctions.Core.Tests.Settlements;

/// <summary>
/// The Amazon parser reads UTF-8 bytes itself and hands the rest of a file to Sep at a quote or a lone carriage
/// return: these pin the edges of that reading (4 MiB reads, line breaks, encodings, line numbers after a hand-over).
/// </summary>
public sealed class AmazonUtf8ReadingTests
{
    private const int ReadSize = 4 << 20;
    private const int RowsBeyondOneBuffer = 50_000; // about 4.3 MiB of rows

    [Theory]
    [InlineData("\n", false)]
    [InlineData("\r\n", false)]
    [InlineData("\n", true)]
    [InlineData("\r\n", true)]
    public async Task ParseAsync_fileLargerThanTheReadBuffer_readsEveryRow(string lineBreak, bool trickle)
    {
        // Arrange
        var rows = Enumerable.Range(1, RowsBeyondOneBuffer).Select(Row).ToList();
        var content = Encoding.UTF8.GetBytes(string.Join(lineBreak, [A.Header, A.Summary, .. rows]) + lineBreak);

        // Act
        var parsed = await ParseAsync(content, trickle);

        // Assert
        Assert.Equal(RowsBeyondOneBuffer, parsed.Summary.LineCount);
        Assert.Equal(Enumerable.Range(1, RowsBeyondOneBuffer).Sum(Amount), parsed.Summary.LinesTotal);
        Assert.Equal(Enumerable.Range(1, RowsBeyondOneBuffer).Select(OrderId), parsed.Lines.Select(line => line.OrderId));
        Assert.Equal(Enumerable.Range(1, RowsBeyondOneBuffer).Select(Amount), parsed.Lines.Select(line => line.Amount));
        Assert.All(parsed.Lines, line => Assert.Equal(2, line.Quantity));
    }

    [Theory]
    [InlineData(150_000)]
    [InlineData(9_000_000)]
    public async Task ParseAsync_rowLongerThanTheCarriedOverRoomOrTheBuffer_isReadWhole(int skuLength)
    {
        // Arrange: the long row starts about 100 KB before the first read ends, so 100 KB of it is carried over.
        var text = new StringBuilder($"{A.Header}\n{A.Summary}\n");
        var before = 0;
        while (text.Length < ReadSize - 100_000)
        {
            text.Append(Row(++before)).Append('\n');
        }

        var sku = new string('K', skuLength);
        text.Append(Row(before + 1).Replace("\tSKU-1\t", $"\t{sku}\t", StringComparison.Ordinal)).Append('\n');
        var total = before + 1 + 3_000;
        for (var i = before + 2; i <= total; i++)
        {
            text.Append(Row(i)).Append('\n');
        }

        // Act
        var parsed = await ParseAsync(Encoding.UTF8.GetBytes(text.ToString()), trickle: true);

        // Assert
        Assert.Equal(total, parsed.Summary.LineCount);
        Assert.Equal(sku, parsed.Lines[before].Sku);
        Assert.Equal(OrderId(total), parsed.Lines[^1].OrderId);
        Assert.Equal(Enumerable.Range(1, total).Sum(Amount), parsed.Summary.LinesTotal);
    }

    [Fact]
    public async Task ParseAsync_quotedFieldsAfterTheFirstBuffer_areUnquotedAndLaterErrorsNameTheirLine()
    {
        // Arrange: rows on lines 3.., the quoted row spans two lines, then one good row, then the bad amount.
        var quoted = Row(0).Replace("\t10.00\t", "\t\"12.50\"\t", StringComparison.Ordinal)
            .Replace("\tSKU-1\t", "\t\"SKU\t\n2\"\t", StringComparison.Ordinal);
        var rows = Enumerable.Range(1, RowsBeyondOneBuffer).Select(Row).Append(quoted).Append(Row(7));
        var valid = string.Join('\n', [A.Header, A.Summary, .. rows]) + "\n";
        var badLine = 2 + RowsBeyondOneBuffer + 2 + 1 + 1;

        // Act
        var parsed = await ParseAsync(Encoding.UTF8.GetBytes(valid), trickle: false);
        var exception = await Assert.ThrowsAsync<SettlementFormatException>(
            () => ParseAsync(Encoding.UTF8.GetBytes(valid + Row(8).Replace("\t17.01\t", "\t8.0O\t", StringComparison.Ordinal) + "\n"), trickle: true));

        // Assert
        Assert.Equal(RowsBeyondOneBuffer + 2, parsed.Summary.LineCount);
        var line = parsed.Lines[RowsBeyondOneBuffer];
        Assert.Equal(12.50m, line.Amount);
        Assert.Equal("SKU\t\n2", line.Sku);
        Assert.Equal(OrderId(7), parsed.Lines[^1].OrderId);
        Assert.Equal(badLine, exception.LineNumber);
        Assert.Contains("'amount' value '8.0O'", exception.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ParseAsync_loneCarriageReturn_breaksTheLineAsSepDoes()
    {
        // Arrange: rows 1 and 2 are separated by a lone CR (line 4), then a truncated row on line 5.
        var content = $"{A.Header}\n{A.Summary}\n{Row(1)}\r{Row(2)}\n{Row(3)[..20]}\n";

        // Act
        var exception = await Assert.ThrowsAsync<SettlementFormatException>(
            () => ParseAsync(Encoding.UTF8.GetBytes(content), trickle: false));
        var parsed = await ParseAsync(Encoding.UTF8.GetBytes($"{A.Header}\n{A.Summary}\n{Row(1)}\r{Row(2)}\n"), trickle: false);

        // Assert
        Assert.Equal(5, exception.LineNumber);
        Assert.Contains("truncated row", exception.Reason, StringComparison.Ordinal);
        Assert.Equal([OrderId(1), OrderId(2)], parsed.Lines.Select(line => line.OrderId));
    }

    [Fact]
    public async Task ParseAsync_utf16FileWithByteOrderMark_readsAsItsUtf8Twin()
    {
        // Arrange
        var text = string.Join('\n', [A.Header, A.Summary, Row(1), Row(2)]) + "\n";
        var utf16 = Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(text)).ToArray();

        // Act
        var fromUtf16 = await ParseAsync(utf16, trickle: true);
        var fromUtf8 = await ParseAsync(Encoding.UTF8.GetBytes(text), trickle: false);

        // Assert
        Assert.Equal(fromUtf8.Lines, fromUtf16.Lines);
        Assert.Equal(2, fromUtf16.Summary.LineCount);
    }

    [Fact]
    public async Task ParseAsync_multiByteCharactersAndInvalidBytes_keepColumnsInPlace()
    {
        // Arrange: a SKU with two-byte characters and one with a stray continuation byte, each followed by the quantity.
        var prefix = Encoding.UTF8.GetBytes($"{A.Header}\n{A.Summary}\n{Row(1).Replace("SKU-1", "SKU-Größe", StringComparison.Ordinal)}\n");
        var broken = Encoding.UTF8.GetBytes(Row(2)).ToList();
        broken.Insert(broken.IndexOf((byte)'S') + 3, 0x80);
        var content = prefix.Concat(broken).Concat("\n"u8.ToArray()).ToArray();

        // Act
        var parsed = await ParseAsync(content, trickle: false);

        // Assert
        Assert.Equal("SKU-Größe", parsed.Lines[0].Sku);
        Assert.Equal("SKU\uFFFD-1", parsed.Lines[1].Sku);
        Assert.All(parsed.Lines, line => Assert.Equal(2, line.Quantity));
    }

    private static string OrderId(int i) => $"111-{i:0000000}-0000001";

    private static decimal Amount(int i) => (i % 100) + 0.01m + 9;

    private static string Row(int i) =>
        $"900\t\t\t\t\t\tOrder\t{OrderId(i)}\t\t\t\t\tItemPrice\tPrincipal\t" +
        $"{(i == 0 ? 10.00m : Amount(i)).ToString("0.00", CultureInfo.InvariantCulture)}\t\t2024-03-02\t\t\t\t\tSKU-1\t2\t";

    private static async Task<ParsedSettlement> ParseAsync(byte[] content, bool trickle)
    {
        var lines = new List<SettlementLine>();
        var summary = new SettlementSummaryBuilder();
        var sink = new Collector(lines, summary);
        Stream stream = trickle ? new TrickleStream(content) : new MemoryStream(content);
        var header = await SettlementParsers.For("amazon").ParseAsync(stream, sink);
        return new ParsedSettlement(lines, summary.Build(header));
    }

    private sealed class Collector(List<SettlementLine> lines, SettlementSummaryBuilder summary) : ISettlementLineSink
    {
        public void Add(SettlementLine line)
        {
            lines.Add(line);
            summary.Add(line);
        }
    }

    /// <summary>Hands out up to 4,099 bytes per read, so rows straddle the reads.</summary>
    private sealed class TrickleStream(byte[] content) : MemoryStream(content)
    {
        private int _reads;

        public override int Read(Span<byte> buffer) => base.Read(buffer[..Math.Min(buffer.Length, 1 + (++_reads * 577 % 4099))]);

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            base.ReadAsync(buffer[..Math.Min(buffer.Length, 1 + (++_reads * 577 % 4099))], cancellationToken);
    }
}
