namespace RetailFunctions.Core.Orders;

/// <summary>Translates a channel's SKU to the ERP's item code (the mapping table).</summary>
public interface ISkuMappings
{
    /// <returns>The ERP item code, or null when the SKU is not mapped for that channel.</returns>
    Task<string?> FindItemCodeAsync(string channel, string sku, CancellationToken cancellationToken);
}
