namespace RetailFunctions.Core.Events;

/// <summary>The <c>eventType</c> values subscriptions filter on.</summary>
public static class RetailEventTypes
{
    public const string OrderReceived = "order.received";
    public const string OrderPostedToErp = "order.postedToErp";
    public const string OrderShipped = "order.shipped";
    public const string OrderCompleted = "order.completed";
    public const string OrderCancelled = "order.cancelled";
    public const string OrderFailed = "order.failed";
    public const string InventoryChanged = "inventory.changed";
    public const string ReturnCompleted = "return.completed";
    public const string SettlementReconciled = "settlement.reconciled";
}
