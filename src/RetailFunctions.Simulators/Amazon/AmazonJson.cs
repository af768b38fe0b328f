using System.Globalization;
using System.Text.Json.Nodes;

namespace RetailFunctions.Simulators.Amazon;

/// <summary>SP-API Orders v0 response bodies: PascalCase names, amounts as strings, ISO 8601 UTC dates.</summary>
public static class AmazonJson
{
    public static JsonObject Order(AmazonOrder order)
    {
        var total = order.Items.Sum(i => i.Prices.ItemPrice + i.Prices.ItemTax + i.Prices.ShippingPrice + i.Prices.ShippingTax - i.Prices.PromotionDiscount);
        var shipped = order.Items.Sum(i => i.QuantityShipped);
        var address = new JsonObject { ["CountryCode"] = order.ShippingAddress.CountryCode };
        AddIfPresent(address, "City", order.ShippingAddress.City);
        AddIfPresent(address, "StateOrRegion", order.ShippingAddress.StateOrRegion);
        AddIfPresent(address, "PostalCode", order.ShippingAddress.PostalCode);
        return Payload(new JsonObject
        {
            ["AmazonOrderId"] = order.AmazonOrderId,
            ["PurchaseDate"] = Date(order.PurchaseDate),
            ["LastUpdateDate"] = Date(order.LastUpdateDate),
            ["OrderStatus"] = order.OrderStatus,
            ["FulfillmentChannel"] = order.FulfillmentChannel,
            ["SalesChannel"] = "Amazon.com",
            ["ShipServiceLevel"] = order.ShipServiceLevel,
            ["OrderTotal"] = Money(order.Currency, total),
            ["NumberOfItemsShipped"] = shipped,
            ["NumberOfItemsUnshipped"] = order.Items.Sum(i => i.QuantityOrdered) - shipped,
            ["PaymentMethod"] = "Other",
            ["PaymentMethodDetails"] = new JsonArray("Standard"),
            ["MarketplaceId"] = order.MarketplaceId,
            ["ShipmentServiceLevelCategory"] = "Standard",
            ["OrderType"] = "StandardOrder",
            ["EarliestShipDate"] = Date(order.PurchaseDate.AddDays(1)),
            ["LatestShipDate"] = Date(order.PurchaseDate.AddDays(3)),
            ["IsBusinessOrder"] = false,
            ["IsPrime"] = false,
            ["IsPremiumOrder"] = false,
            ["IsGlobalExpressEnabled"] = false,
            ["IsReplacementOrder"] = false,
            ["IsSoldByAB"] = false,
            ["IsISPU"] = false,
            ["IsAccessPointOrder"] = false,
            ["ShippingAddress"] = address,
            ["BuyerInfo"] = new JsonObject { ["BuyerEmail"] = order.BuyerEmail },
        });
    }

    public static JsonObject OrderItems(AmazonOrder order) =>
        Payload(new JsonObject
        {
            ["AmazonOrderId"] = order.AmazonOrderId,
            ["OrderItems"] = new JsonArray(order.Items.Select(i => (JsonNode?)new JsonObject
            {
                ["ASIN"] = i.Asin,
                ["SellerSKU"] = i.Sku,
                ["OrderItemId"] = i.OrderItemId,
                ["Title"] = i.Title,
                ["QuantityOrdered"] = i.QuantityOrdered,
                ["QuantityShipped"] = i.QuantityShipped,
                ["ProductInfo"] = new JsonObject { ["NumberOfItems"] = "1" },
                ["ItemPrice"] = Money(order.Currency, i.Prices.ItemPrice),
                ["ItemTax"] = Money(order.Currency, i.Prices.ItemTax),
                ["ShippingPrice"] = Money(order.Currency, i.Prices.ShippingPrice),
                ["ShippingTax"] = Money(order.Currency, i.Prices.ShippingTax),
                ["ShippingDiscount"] = Money(order.Currency, 0m),
                ["ShippingDiscountTax"] = Money(order.Currency, 0m),
                ["PromotionDiscount"] = Money(order.Currency, i.Prices.PromotionDiscount),
                ["PromotionDiscountTax"] = Money(order.Currency, 0m),
                ["PromotionIds"] = new JsonArray(),
                ["IsGift"] = "false",
                ["ConditionId"] = "New",
                ["ConditionSubtypeId"] = "New",
                ["IsTransparency"] = false,
                ["SerialNumberRequired"] = false,
            }).ToArray()),
        });

    /// <summary>SP-API's error body: <c>{"errors":[{"code","message","details"}]}</c>.</summary>
    /// <summary>The <c>ORDER_CHANGE</c> notification SP-API sends (through SQS/EventBridge) when the order changes.</summary>
    public static JsonObject OrderChangeNotification(AmazonOrder order) => new()
    {
        ["NotificationVersion"] = "1.0",
        ["NotificationType"] = "ORDER_CHANGE",
        ["PayloadVersion"] = "1.0",
        ["EventTime"] = Date(order.LastUpdateDate),
        ["Payload"] = new JsonObject
        {
            ["OrderChangeNotification"] = new JsonObject
            {
                ["NotificationLevel"] = "OrderLevel",
                ["SellerId"] = "A2SIMULATED9",
                ["AmazonOrderId"] = order.AmazonOrderId,
                ["OrderChangeType"] = "OrderStatusChange",
                ["OrderChangeTrigger"] = new JsonObject { ["TimeOfOrderChange"] = Date(order.LastUpdateDate), ["ChangeReason"] = "OrderStatusChange" },
                ["Summary"] = new JsonObject
                {
                    ["MarketplaceId"] = order.MarketplaceId,
                    ["OrderStatus"] = order.OrderStatus,
                    ["PurchaseDate"] = Date(order.PurchaseDate),
                    ["FulfillmentType"] = order.FulfillmentChannel,
                },
            },
        },
        ["NotificationMetadata"] = new JsonObject
        {
            ["PublishTime"] = Date(order.LastUpdateDate),
            ["NotificationId"] = Guid.NewGuid().ToString(),
        },
    };

    public static JsonObject Error(string code, string message) =>
        new() { ["errors"] = new JsonArray(new JsonObject { ["code"] = code, ["message"] = message, ["details"] = "" }) };

    private static JsonObject Payload(JsonObject payload) => new() { ["payload"] = payload };

    private static JsonObject Money(string currency, decimal amount) =>
        new() { ["CurrencyCode"] = currency, ["Amount"] = amount.ToString("0.00", CultureInfo.InvariantCulture) };

    private static string Date(DateTimeOffset value) => value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static void AddIfPresent(JsonObject target, string name, string? value)
    {
        if (value is not null)
        {
            target[name] = value;
        }
    }
}
