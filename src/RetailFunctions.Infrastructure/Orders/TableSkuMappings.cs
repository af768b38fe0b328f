using Azure.Data.Tables;
using Microsoft.Extensions.Caching.Memory;
using RetailFunctions.Core.Orders;
using RetailFunctions.Core.Storage;
using RetailFunctions.Infrastructure.Storage;

namespace RetailFunctions.Infrastructure.Orders;

/// <summary>
/// The SKU mapping table: partition = channel, or <c>*</c> for a SKU that is the same string on every channel;
/// row = channel SKU; <c>ItemCode</c> = the ERP's item. Lookups are cached briefly: a fixed mapping shows within a minute.
/// </summary>
public sealed class TableSkuMappings(StorageClients storage, IMemoryCache cache) : ISkuMappings
{
    public const string AnyChannel = "*";
    private static readonly TimeSpan CacheFor = TimeSpan.FromMinutes(1);
    private readonly TableClient _table = storage.Tables.GetTableClient(StorageNames.SkuMappingsTable);

    public async Task<string?> FindItemCodeAsync(string channel, string sku, CancellationToken cancellationToken) =>
        await cache.GetOrCreateAsync($"sku|{channel}|{sku}", async entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = CacheFor;
            return await FindAsync(channel, sku, cancellationToken) ?? await FindAsync(AnyChannel, sku, cancellationToken);
        });

    /// <summary>Maps the SKU on <paramref name="channel"/> (or <see cref="AnyChannel"/>) to <paramref name="itemCode"/>.</summary>
    /// <returns>The item code it was mapped to before, or null when it was not mapped there.</returns>
    public async Task<string?> SetAsync(string channel, string sku, string itemCode, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(itemCode);
        await _table.CreateIfNotExistsAsync(cancellationToken);
        var before = await FindAsync(channel, sku, cancellationToken);
        await _table.UpsertEntityAsync(new TableEntity(channel, StorageKey.Escape(sku)) { ["ItemCode"] = itemCode }, TableUpdateMode.Replace, cancellationToken);
        return before;
    }

    private async Task<string?> FindAsync(string partition, string sku, CancellationToken cancellationToken)
    {
        var row = await _table.GetEntityIfExistsAsync<TableEntity>(partition, StorageKey.Escape(sku), ["ItemCode"], cancellationToken);
        return row.HasValue ? row.Value!.GetString("ItemCode") : null;
    }
}
