using System.Collections.Concurrent;
using RetailFunctions.Core.Inventory;

namespace RetailFunctions.Core.Tests.Inventory;

internal sealed class InMemoryAdjustmentWatermarks : IAdjustmentWatermarks
{
    private readonly ConcurrentDictionary<string, long> _watermarks = new(StringComparer.Ordinal);

    public long? this[string source] => _watermarks.TryGetValue(source, out var watermark) ? watermark : null;

    public Task<long?> RaiseAsync(string source, long sequence, CancellationToken cancellationToken)
    {
        long? before = null;
        _watermarks.AddOrUpdate(source, sequence, (_, current) =>
        {
            before = current;
            return Math.Max(current, sequence);
        });
        return Task.FromResult(before);
    }
}
