namespace RetailFunctions.Simulators.Channels;

/// <param name="Location">The channel's location id where it has them (Shopify); null for channel-wide quantities.</param>
/// <param name="Updates">How many times the value was set, so tests can see coalescing and skipped unchanged values.</param>
/// <param name="Via">The operation that set the current value (e.g. <c>patchListingsItem</c> or <c>JSON_LISTINGS_FEED</c>).</param>
public sealed record InventoryValue(string Sku, string? Location, int Quantity, DateTimeOffset UpdatedAt, int Updates, string Via);
