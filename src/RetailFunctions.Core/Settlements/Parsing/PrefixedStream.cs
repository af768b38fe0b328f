namespace RetailFunctions.Core.Settlements.Parsing;

/// <summary>
/// Bytes already read from a stream followed by what is left of it: how the UTF-8 reader hands the rest of a file to
/// Sep without reading it twice. Does not dispose the stream it continues.
/// </summary>
internal sealed class PrefixedStream(ReadOnlyMemory<byte> prefix, Stream? rest) : Stream
{
    private ReadOnlyMemory<byte> _prefix = prefix;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer) =>
        TryReadPrefix(buffer, out var read) ? read : rest?.Read(buffer) ?? 0;

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        TryReadPrefix(buffer.Span, out var read) ? ValueTask.FromResult(read)
        : rest?.ReadAsync(buffer, cancellationToken) ?? ValueTask.FromResult(0);

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    private bool TryReadPrefix(Span<byte> buffer, out int read)
    {
        read = Math.Min(buffer.Length, _prefix.Length);
        if (read == 0)
        {
            return false;
        }

        _prefix.Span[..read].CopyTo(buffer);
        _prefix = _prefix[read..];
        return true;
    }
}
