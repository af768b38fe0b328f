namespace RetailFunctions.Core.Settlements;

/// <summary>Streams one channel's settlement file: memory stays constant whatever the file size.</summary>
public interface ISettlementParser
{
    /// <summary>Channel name as used in blob paths and the CLI: <c>amazon</c>, <c>shopify</c>, <c>walmart</c>.</summary>
    string Channel { get; }

    /// <summary>Reads <paramref name="stream"/> to its end, handing each line to <paramref name="sink"/>.</summary>
    /// <returns>The settlement header, complete only once the whole file is read.</returns>
    /// <exception cref="SettlementFormatException">The file is malformed; lines already handed over must be discarded.</exception>
    ValueTask<SettlementHeader> ParseAsync(Stream stream, ISettlementLineSink sink, CancellationToken cancellationToken = default);
}
