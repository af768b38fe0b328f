namespace RetailFunctions.Core.Inventory;

/// <summary><c>GET /api/inventory/{sku}</c>: totals over locations, each location, and each channel's value.</summary>
public sealed record InventoryView(string Sku, long OnHand, long Reserved, IReadOnlyList<LocationView> Locations, IReadOnlyList<ChannelView> Channels);

public sealed record LocationView(string Location, long OnHand, long Reserved, long InTransit);

/// <param name="AvailableToSell">What the channel should show now.</param>
/// <param name="LastPushed">What it last confirmed; null before the first push.</param>
public sealed record ChannelView(string Channel, int AvailableToSell, int? LastPushed, DateTimeOffset? LastPushedAt);
