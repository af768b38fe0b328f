using System.Text;
using RetailFunctions.Core.Settlements;

namespace RetailFunctions.Core.Tests.Settlements;

/// <summary>Everything a parser produced for one file: the lines in order and the summary.</summary>
internal sealed record ParsedSettlement(IReadOnlyList<SettlementLine> Lines, SettlementSummary Summary)
{
    public static async Task<ParsedSettlement> ParseAsync(string channel, byte[] content)
    {
        var sink = new Collector();
        var header = await SettlementParsers.For(channel).ParseAsync(new MemoryStream(content), sink);
        return new ParsedSettlement(sink.Lines, sink.Summary.Build(header));
    }

    public static Task<ParsedSettlement> ParseAsync(string channel, string content) =>
        ParseAsync(channel, Encoding.UTF8.GetBytes(content));

    public static async Task<SettlementFormatException> MalformedAsync(string channel, string content) =>
        await Assert.ThrowsAsync<SettlementFormatException>(() => ParseAsync(channel, content));

    private sealed class Collector : ISettlementLineSink
    {
        public List<SettlementLine> Lines { get; } = [];

        public SettlementSummaryBuilder Summary { get; } = new();

        public void Add(SettlementLine line)
        {
            Lines.Add(line);
            Summary.Add(line);
        }
    }
}
