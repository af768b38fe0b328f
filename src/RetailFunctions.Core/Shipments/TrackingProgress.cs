namespace RetailFunctions.Core.Shipments;

/// <summary>
/// Which carrier status wins when updates arrive out of order: the later scan, except that a delivered parcel stays
/// delivered (a late "in transit" scan, replayed by the carrier, must not undo a delivery).
/// </summary>
public static class TrackingProgress
{
    public static bool Supersedes(TrackingEvent incoming, TrackingEvent? current)
    {
        ArgumentNullException.ThrowIfNull(incoming);
        if (current is null)
        {
            return true;
        }

        if (current.Status == TrackingStatus.Delivered)
        {
            return false;
        }

        return incoming.Status == TrackingStatus.Delivered || incoming.OccurredAt > current.OccurredAt;
    }
}
