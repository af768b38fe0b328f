namespace RetailFunctions.Core.Sla;

/// <summary>The business flows with a service level; each name is also its threshold's key under <c>Sla</c>.</summary>
public static class SlaFlows
{
    /// <summary>Order received by the fabric → sales order posted to the ERP.</summary>
    public const string OrderToErp = "OrderToErp";

    /// <summary>Fulfilment requested from the WMS → every line confirmed shipped.</summary>
    public const string FulfilmentToShipment = "FulfilmentToShipment";

    /// <summary>Return accepted → refund confirmed to the channel.</summary>
    public const string ReturnToRefund = "ReturnToRefund";

    /// <summary>Inventory change seen → every channel confirmed the new quantity.</summary>
    public const string InventoryToChannels = "InventoryToChannels";

    public static readonly IReadOnlyList<string> All = [OrderToErp, FulfilmentToShipment, ReturnToRefund, InventoryToChannels];
}
