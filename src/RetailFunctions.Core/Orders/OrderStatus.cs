namespace RetailFunctions.Core.Orders;

public enum OrderStatus
{
    Received,
    Reserved,
    PostedToErp,
    AwaitingShipment,
    PartiallyShipped,
    Shipped,
    Completed,
    Cancelled,
    Failed,
}
