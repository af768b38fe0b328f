namespace RetailFunctions.Simulators.Amazon;

public sealed record AmazonOrder(
    string AmazonOrderId,
    string OrderStatus,
    string Currency,
    string MarketplaceId,
    string FulfillmentChannel,
    string ShipServiceLevel,
    DateTimeOffset PurchaseDate,
    DateTimeOffset LastUpdateDate,
    AmazonAddressSeed ShippingAddress,
    string BuyerEmail,
    IReadOnlyList<AmazonOrderItem> Items);

public sealed record AmazonOrderItem(string OrderItemId, string Sku, string Asin, string Title, int QuantityOrdered, int QuantityShipped, AmazonItemSeed Prices);
