using System.Collections.Concurrent;
using RetailFunctions.Core.Orders;

namespace RetailFunctions.Functions.Tests.Fakes;

internal sealed class FakeSkuMappings : ISkuMappings
{
    public ConcurrentDictionary<string, string> ItemCodes { get; } = new(StringComparer.Ordinal);

    public Task<string?> FindItemCodeAsync(string channel, string sku, CancellationToken cancellationToken) =>
        Task.FromResult(ItemCodes.TryGetValue(sku, out var itemCode) ? itemCode : null);
}
