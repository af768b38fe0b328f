namespace RetailFunctions.Simulators.Amazon;

/// <summary>Control API: an order the simulated SP-API will serve. Only the id and items are required.</summary>
public sealed record AmazonOrderSeed(
    string AmazonOrderId,
    IReadOnlyList<AmazonItemSeed> Items,
    string? OrderStatus = null,
    string? Currency = null,
    DateTimeOffset? PurchaseDate = null,
    string? MarketplaceId = null,
    string? FulfillmentChannel = null,
    string? ShipServiceLevel = null,
    AmazonAddressSeed? ShippingAddress = null,
    string? BuyerEmail = null);

/// <param name="ItemPrice">The line's selling price, quantity included, as SP-API reports it.</param>
public sealed record AmazonItemSeed(
    string Sku,
    int Quantity,
    decimal ItemPrice,
    decimal ItemTax = 0,
    decimal ShippingPrice = 0,
    decimal ShippingTax = 0,
    decimal PromotionDiscount = 0,
    string? Asin = null,
    string? Title = null,
    string? OrderItemId = null);

public sealed record AmazonAddressSeed(string CountryCode, string? City = null, string? StateOrRegion = null, string? PostalCode = null);
