namespace RetailFunctions.Core.Settlements;

/// <summary>Aggregates lines as they stream past, in constant memory (bounded by the number of distinct unknown types).</summary>
public sealed class SettlementSummaryBuilder : ISettlementLineSink
{
    private readonly decimal[] _totalsByKind = new decimal[Enum.GetValues<SettlementKind>().Length];
    private readonly bool[] _kindSeen = new bool[Enum.GetValues<SettlementKind>().Length];
    private readonly Dictionary<string, long> _unmappedTypes = new(StringComparer.Ordinal);
    private long _lineCount;

    public void Add(SettlementLine line)
    {
        ArgumentNullException.ThrowIfNull(line);
        _lineCount++;
        _totalsByKind[(int)line.Kind] += line.Amount;
        _kindSeen[(int)line.Kind] = true;
        if (line.Kind == SettlementKind.Other)
        {
            _unmappedTypes[line.RawType] = _unmappedTypes.GetValueOrDefault(line.RawType) + 1;
        }
    }

    public SettlementSummary Build(SettlementHeader header)
    {
        ArgumentNullException.ThrowIfNull(header);
        var totalsByKind = new Dictionary<SettlementKind, decimal>();
        var linesTotal = 0m;
        foreach (var kind in Enum.GetValues<SettlementKind>())
        {
            if (_kindSeen[(int)kind])
            {
                totalsByKind[kind] = _totalsByKind[(int)kind];
                linesTotal += _totalsByKind[(int)kind];
            }
        }

        return new SettlementSummary(
            header.SettlementId,
            header.Channel,
            header.Currency,
            _lineCount,
            header.TotalAmount,
            totalsByKind,
            header.DepositDate,
            header.PeriodStart,
            header.PeriodEnd,
            linesTotal,
            new Dictionary<string, long>(_unmappedTypes, StringComparer.Ordinal));
    }

    /// <summary>Parses <paramref name="stream"/> with <paramref name="parser"/> and summarises it.</summary>
    /// <exception cref="SettlementFormatException">The file is malformed.</exception>
    public static async ValueTask<SettlementSummary> SummariseAsync(
        ISettlementParser parser, Stream stream, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(parser);
        var builder = new SettlementSummaryBuilder();
        var header = await parser.ParseAsync(stream, builder, cancellationToken).ConfigureAwait(false);
        return builder.Build(header);
    }
}
