using System.Buffers;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Text;
using nietras.SeparatedValues;

namespace RetailFunctions.Core.Settlements.Parsing;

/// <summary>
/// Reads a tab-separated settlement file straight from its UTF-8 bytes: tabs and line breaks are found 32 bytes at a
/// time, and only then is each row widened to text for the mapper. Skipping Sep's UTF-16 decoding of the whole file
/// and its per-column bookkeeping is what makes Amazon files (millions of lines) cheap to read.
/// </summary>
/// <remarks>
/// Quoting is where tab-separated files stop being simple: at the first row with a quote or a lone carriage return
/// (and for a file in UTF-16 or UTF-32) the rest of the file goes to Sep, with the same mapper, so every file reads
/// exactly as <see cref="SettlementCsv"/> reads it.
/// </remarks>
internal sealed class TabSeparatedUtf8Reader
{
    private const char Separator = '\t';
    private const int BlockSize = 32;
    private const int InitialCapacity = 1 << 22;
    private const int MaxRowBytes = 64 << 20;

    // Room before the data of the next read for the unfinished row of the previous one, so that it is copied, not the read.
    private const int Headroom = 1 << 16;

    private readonly Stream _stream;
    // Rented: a host parses file after file, and 4 MiB arrays would otherwise be new large objects each time. The last
    // BlockSize bytes of each are padding that lets the last block be loaded whole.
    private byte[] _bytes = ArrayPool<byte>.Shared.Rent(InitialCapacity);
    private byte[] _spare = [];
    private int _filled;
    private bool _endOfStream;
    private char[] _text = new char[4096];
    private int[] _bounds = [];
    private int _columnCount;
    private ISettlementRowMapper? _mapper;
    private int _rowStart;
    private int _lineNumber = 1;

    private TabSeparatedUtf8Reader(Stream stream)
    {
        _stream = stream;
    }

    private int Capacity => _bytes.Length - BlockSize;

    public static async ValueTask<SettlementHeader> ReadAsync(
        Stream stream, Func<SepReaderHeader, ISettlementRowMapper> createMapper, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var reader = new TabSeparatedUtf8Reader(stream);
        try
        {
            await reader.FillAsync(cancellationToken).ConfigureAwait(false);
            while (reader.FindHeaderEnd() == 0 && !reader._endOfStream)
            {
                reader.MakeRoom();
                await reader.FillAsync(cancellationToken).ConfigureAwait(false);
            }

            if (!reader.TryReadHeader(createMapper))
            {
                return await SettlementCsv.ReadAsync(reader.Rest(0), Separator, createMapper, cancellationToken).ConfigureAwait(false);
            }

            return await reader.ReadRowsAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            // Every read into the buffers has finished by now, Sep's included (see DrainAsync).
            ArrayPool<byte>.Shared.Return(reader._bytes);
            if (reader._spare.Length > 0)
            {
                ArrayPool<byte>.Shared.Return(reader._spare);
            }
        }
    }

    /// <summary>
    /// Maps the rows of one buffer while the next read fills the other, so the stream (a blob download, a file) is
    /// read while rows are parsed rather than in between.
    /// </summary>
    private async ValueTask<SettlementHeader> ReadRowsAsync(CancellationToken cancellationToken)
    {
        _spare = ArrayPool<byte>.Shared.Rent(_bytes.Length);
        while (true)
        {
            var wanted = _spare.Length - BlockSize - Headroom;
            var next = _endOfStream
                ? (ValueTask<int>?)null
                : _stream.ReadAtLeastAsync(_spare.AsMemory(Headroom, wanted), wanted, throwOnEndOfStream: false, cancellationToken);
            bool mapped;
            try
            {
                mapped = ReadRows();
            }
            catch when (next is not null)
            {
                await DrainAsync(next.Value).ConfigureAwait(false);
                throw;
            }

            if (next is not { } pending)
            {
                return mapped ? _mapper!.Complete(_lineNumber) : await HandOverAsync(Rest(_rowStart), cancellationToken).ConfigureAwait(false);
            }

            var read = await pending.ConfigureAwait(false);
            _endOfStream = read < wanted;
            if (!mapped)
            {
                var rest = new PrefixedStream(_spare.AsMemory(Headroom, read), _endOfStream ? null : _stream);
                return await HandOverAsync(new PrefixedStream(_bytes.AsMemory(_rowStart, _filled - _rowStart), rest), cancellationToken)
                    .ConfigureAwait(false);
            }

            Take(read);
            cancellationToken.ThrowIfCancellationRequested();
        }
    }

    private ValueTask<SettlementHeader> HandOverAsync(Stream rest, CancellationToken cancellationToken) =>
        SettlementCsv.ContinueAsync(rest, Separator, _columnCount, _mapper!, _lineNumber, cancellationToken);

    /// <summary>Waits for a read the failing row made useless, so that nothing reads the stream once the caller has it back.</summary>
    private static async ValueTask DrainAsync(ValueTask<int> read)
    {
        try
        {
            await read.ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or OperationCanceledException or ObjectDisposedException)
        {
            // The row's own error is the one worth reporting.
        }
    }

    /// <summary>Puts the unfinished row of this buffer in front of the <paramref name="read"/> bytes just read into the spare one.</summary>
    private void Take(int read)
    {
        var unfinished = _filled - _rowStart;
        if (unfinished <= Headroom)
        {
            _bytes.AsSpan(_rowStart, unfinished).CopyTo(_spare.AsSpan(Headroom - unfinished));
            (_bytes, _spare) = (_spare, _bytes);
            _rowStart = Headroom - unfinished;
            _filled = Headroom + read;
            return;
        }

        if (unfinished > MaxRowBytes)
        {
            throw new SettlementFormatException(_lineNumber, $"row longer than {MaxRowBytes >> 20} MiB");
        }

        if (unfinished + read > Capacity)
        {
            var grown = ArrayPool<byte>.Shared.Rent(Math.Max(unfinished + read, Capacity * 2) + BlockSize);
            _bytes.AsSpan(_rowStart, unfinished).CopyTo(grown);
            ArrayPool<byte>.Shared.Return(_bytes);
            _bytes = grown;
        }
        else
        {
            _bytes.AsSpan(_rowStart, unfinished).CopyTo(_bytes);
        }

        _spare.AsSpan(Headroom, read).CopyTo(_bytes.AsSpan(unfinished));
        _rowStart = 0;
        _filled = unfinished + read;
    }

    private async ValueTask FillAsync(CancellationToken cancellationToken)
    {
        var wanted = Capacity - _filled;
        var read = await _stream.ReadAtLeastAsync(
            _bytes.AsMemory(_filled, wanted), wanted, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false);
        _filled += read;
        _endOfStream = read < wanted;
    }

    /// <summary>Moves the unread rows to the front, or grows the buffer when one row fills it.</summary>
    private void MakeRoom()
    {
        if (_rowStart > 0)
        {
            _bytes.AsSpan(_rowStart, _filled - _rowStart).CopyTo(_bytes);
            _filled -= _rowStart;
            _rowStart = 0;
            return;
        }

        if (Capacity >= MaxRowBytes)
        {
            throw new SettlementFormatException(_lineNumber, $"row longer than {MaxRowBytes >> 20} MiB");
        }

        var grown = ArrayPool<byte>.Shared.Rent((Capacity * 2) + BlockSize);
        _bytes.AsSpan(0, _filled).CopyTo(grown);
        ArrayPool<byte>.Shared.Return(_bytes);
        _bytes = grown;
    }

    /// <returns>The offset after the header line's break; 0 while the buffer holds no line break.</returns>
    private int FindHeaderEnd()
    {
        var lineFeed = _bytes.AsSpan(0, _filled).IndexOf((byte)'\n');
        return lineFeed < 0 ? (_endOfStream ? _filled : 0) : lineFeed + 1;
    }

    /// <returns>False for a file this reader leaves to Sep from its first byte.</returns>
    private bool TryReadHeader(Func<SepReaderHeader, ISettlementRowMapper> createMapper)
    {
        var bytes = _bytes.AsSpan(0, _filled);
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]) || bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE])
            || bytes.StartsWith((ReadOnlySpan<byte>)[0x00, 0x00, 0xFE, 0xFF]))
        {
            return false;
        }

        var start = bytes.StartsWith("\uFEFF"u8) ? 3 : 0;
        var headerEnd = Math.Max(FindHeaderEnd(), start);
        var line = bytes[start..headerEnd];
        var carriageReturn = line.IndexOf((byte)'\r');
        var endsWithCrLf = line.EndsWith("\r\n"u8);
        if (line.Contains((byte)'"') || (carriageReturn >= 0 && !(endsWithCrLf && carriageReturn == line.Length - 2)))
        {
            return false;
        }

        var header = SettlementCsv.ReadHeader(Encoding.UTF8.GetString(line), Separator);
        _mapper = createMapper(header);
        _columnCount = header.ColNames.Count;
        _bounds = new int[_columnCount + 1];
        _bounds[0] = -1;
        _rowStart = headerEnd;
        _lineNumber = 2;
        return true;
    }

    private PrefixedStream Rest(int offset) =>
        new(_bytes.AsMemory(offset, _filled - offset), _endOfStream ? null : _stream);

    /// <summary>Maps every complete row in the buffer (and at the end of the stream, the last one).</summary>
    /// <returns>False when the row at <see cref="_rowStart"/> must go to Sep.</returns>
    private bool ReadRows()
    {
        var bytes = _bytes;
        ref var firstBound = ref MemoryMarshal.GetArrayDataReference(_bounds);
        var columnCount = _columnCount;
        var filled = _filled;
        var rowStart = _rowStart;
        var tabCount = 0;
        for (var block = rowStart; block < filled; block += BlockSize)
        {
            var (tabs, breaks) = Masks(ref bytes[block]);
            if (filled - block < BlockSize)
            {
                var valid = (1u << (filled - block)) - 1;
                tabs &= valid;
                breaks &= valid;
            }

            while (true)
            {
                // The tabs before the block's next break belong to the current row; a row with too many is only counted.
                var rowTabs = breaks == 0 ? tabs : tabs & ((breaks & (0u - breaks)) - 1);
                tabs ^= rowTabs;
                if (tabCount + BitOperations.PopCount(rowTabs) < columnCount)
                {
                    // Checked just above: every index written is below columnCount, the array's last slot.
                    var offset = block - rowStart;
                    for (; rowTabs != 0; rowTabs &= rowTabs - 1)
                    {
                        Unsafe.Add(ref firstBound, ++tabCount) = offset + BitOperations.TrailingZeroCount(rowTabs);
                    }
                }
                else
                {
                    tabCount += BitOperations.PopCount(rowTabs);
                }

                if (breaks == 0)
                {
                    break;
                }

                var at = block + BitOperations.TrailingZeroCount(breaks);
                breaks &= breaks - 1;
                if (at < rowStart)
                {
                    continue; // the line feed of a CR LF that ended the previous row
                }

                int next;
                if (bytes[at] == (byte)'\n')
                {
                    next = at + 1;
                }
                else if (bytes[at] == (byte)'\r' && at + 1 < filled && bytes[at + 1] == (byte)'\n')
                {
                    next = at + 2;
                }
                else if (bytes[at] == (byte)'\r' && at + 1 == filled && !_endOfStream)
                {
                    _rowStart = rowStart;
                    return true; // the line feed may be in the next read
                }
                else
                {
                    _rowStart = rowStart;
                    return false; // a quote or a lone carriage return
                }

                MapRow(rowStart, at, tabCount + 1);
                rowStart = next;
                tabCount = 0;
            }
        }

        if (_endOfStream && rowStart < filled)
        {
            MapRow(rowStart, filled, tabCount + 1);
            rowStart = filled;
        }

        _rowStart = rowStart;
        return true;
    }

    private void MapRow(int start, int end, int fields)
    {
        var lineNumber = _lineNumber++;
        var bytes = _bytes.AsSpan(start, end - start);
        if (_text.Length < bytes.Length)
        {
            _text = new char[bytes.Length * 2];
        }

        var ascii = Ascii.ToUtf16(bytes, _text, out var length) == OperationStatus.Done;
        if (!ascii)
        {
            length = Encoding.UTF8.GetChars(bytes, _text);
        }

        var text = _text.AsSpan(0, length);
        if (text.IsWhiteSpace())
        {
            return; // blank lines (often a trailing one) carry nothing
        }

        if (fields != _columnCount)
        {
            SettlementCsv.CheckShape(fields, _columnCount, lineNumber);
        }
        if (!ascii)
        {
            FindTabs(text);
        }

        _bounds[fields] = length;
        _mapper!.Map(new SettlementRow(text, _bounds, lineNumber));
    }

    /// <summary>Column bounds in characters, which differ from the byte offsets once a row holds multi-byte characters.</summary>
    private void FindTabs(ReadOnlySpan<char> text)
    {
        var column = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == Separator)
            {
                _bounds[++column] = i;
            }
        }
    }

    /// <summary>
    /// One bit per byte of the 32 at <paramref name="block"/>: the tabs, and the breaks (line feed, carriage return, quote).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static (uint Tabs, uint Breaks) Masks(ref byte block)
    {
        if (Vector256.IsHardwareAccelerated)
        {
            var v = Vector256.LoadUnsafe(ref block);
            return (
                Vector256.Equals(v, Vector256.Create((byte)'\t')).ExtractMostSignificantBits(),
                (Vector256.Equals(v, Vector256.Create((byte)'\n')) | Vector256.Equals(v, Vector256.Create((byte)'\r'))
                    | Vector256.Equals(v, Vector256.Create((byte)'"'))).ExtractMostSignificantBits());
        }

        if (Vector128.IsHardwareAccelerated)
        {
            var (lowTabs, lowBreaks) = Masks128(ref block);
            var (highTabs, highBreaks) = Masks128(ref Unsafe.Add(ref block, 16));
            return (lowTabs | (highTabs << 16), lowBreaks | (highBreaks << 16));
        }

        uint tabs = 0, breaks = 0;
        for (var i = 0; i < BlockSize; i++)
        {
            var b = Unsafe.Add(ref block, i);
            tabs |= b == (byte)'\t' ? 1u << i : 0;
            breaks |= b is (byte)'\n' or (byte)'\r' or (byte)'"' ? 1u << i : 0;
        }

        return (tabs, breaks);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static (uint Tabs, uint Breaks) Masks128(ref byte block)
    {
        var v = Vector128.LoadUnsafe(ref block);
        return (
            Vector128.Equals(v, Vector128.Create((byte)'\t')).ExtractMostSignificantBits(),
            (Vector128.Equals(v, Vector128.Create((byte)'\n')) | Vector128.Equals(v, Vector128.Create((byte)'\r'))
                | Vector128.Equals(v, Vector128.Create((byte)'"'))).ExtractMostSignificantBits());
    }
}
