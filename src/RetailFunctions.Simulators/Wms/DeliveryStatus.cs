namespace RetailFunctions.Simulators.Wms;

public enum DeliveryStatus
{
    Scheduled,
    Retrying,
    Delivered,

    /// <summary>The fabric refused it with a 4xx other than 408/429: retrying the same request cannot help.</summary>
    Rejected,

    /// <summary>Every attempt failed.</summary>
    Failed,
}
