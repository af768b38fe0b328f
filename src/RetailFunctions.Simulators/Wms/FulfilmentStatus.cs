namespace RetailFunctions.Simulators.Wms;

public enum FulfilmentStatus
{
    Accepted,
    PartiallyShipped,
    Shipped,
}
