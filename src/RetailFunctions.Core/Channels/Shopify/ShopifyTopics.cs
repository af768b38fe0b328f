namespace RetailFunctions.Core.Channels.Shopify;

public static class ShopifyTopics
{
    public const string OrdersCreate = "orders/create";
    public const string OrdersUpdated = "orders/updated";
    public const string OrdersCancelled = "orders/cancelled";
    public const string RefundsCreate = "refunds/create";

    public static readonly IReadOnlySet<string> Supported =
        new HashSet<string>(StringComparer.Ordinal) { OrdersCreate, OrdersUpdated, OrdersCancelled, RefundsCreate };

    public static bool IsOrderTopic(string topic) => topic is OrdersCreate or OrdersUpdated or OrdersCancelled;
}
