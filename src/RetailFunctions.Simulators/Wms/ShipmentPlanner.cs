using RetailFunctions.Core.BackOffice;

namespace RetailFunctions.Simulators.Wms;

/// <summary>How an automatic shipment splits a request into parcels.</summary>
public static class ShipmentPlanner
{
    /// <summary>
    /// One parcel with everything, or with <paramref name="split"/> two: the first line alone and the rest, or half the
    /// quantity of a single line and the remainder. A single unit cannot be split.
    /// </summary>
    public static IReadOnlyList<IReadOnlyList<FulfilmentLine>> Parcels(IReadOnlyList<FulfilmentLine> lines, bool split)
    {
        if (!split || lines.Count == 0 || (lines.Count == 1 && lines[0].Quantity < 2))
        {
            return [lines];
        }

        if (lines.Count > 1)
        {
            return [[lines[0]], lines.Skip(1).ToArray()];
        }

        var first = lines[0].Quantity / 2;
        return [[lines[0] with { Quantity = first }], [lines[0] with { Quantity = lines[0].Quantity - first }]];
    }
}
