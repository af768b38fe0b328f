using RetailFunctions.Core.Orders;

namespace RetailFunctions.Core.Tests.Fakes;

/// <summary>Every <c>SKU-*</c> maps to item <c>ITEM-*</c> on every channel; anything else is unmapped.</summary>
internal sealed class FakeSkuMappings : ISkuMappings
{
    public Task<string?> FindItemCodeAsync(string channel, string sku, CancellationToken cancellationToken) =>
        Task.FromResult(sku.StartsWith("SKU-", StringComparison.Ordinal) ? "ITEM-" + sku[4..] : null);
}
