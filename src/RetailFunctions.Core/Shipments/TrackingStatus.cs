namespace RetailFunctions.Core.Shipments;

/// <summary>A parcel's state as carriers report it.</summary>
public enum TrackingStatus
{
    InTransit,
    OutForDelivery,
    Delivered,

    /// <summary>Delay, failed delivery attempt, damage: the carrier's description says which.</summary>
    Exception,
}
