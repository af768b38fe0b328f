using System.Diagnostics.Metrics;

namespace RetailFunctions.Core.Shipments;

/// <summary>The shipment-callback instruments of the <c>RetailFunctions</c> meter: parked, re-matched, flagged.</summary>
public sealed class ShipmentMetrics : IDisposable
{
    public const string MeterName = "RetailFunctions";
    private readonly Meter _meter = new(MeterName);
    private readonly Counter<long> _parked;
    private readonly Counter<long> _matched;
    private readonly Counter<long> _flagged;

    public ShipmentMetrics()
    {
        _parked = _meter.CreateCounter<long>("retail.shipments.parked", description: "Shipment callbacks parked for an order the fabric cannot take them for yet");
        _matched = _meter.CreateCounter<long>("retail.shipments.rematched", description: "Parked shipment callbacks matched to their order later");
        _flagged = _meter.CreateCounter<long>("retail.shipments.parked_overdue", description: "Parked shipment callbacks still unmatched after Shipments:ParkedAlertAfter");
    }

    public void Parked(ParkedShipment parked) => _parked.Add(1, Tags(parked));

    public void Rematched(ParkedShipment parked) => _matched.Add(1, Tags(parked));

    public void Flagged(ParkedShipment parked) => _flagged.Add(1, Tags(parked));

    public void Dispose() => _meter.Dispose();

    private static KeyValuePair<string, object?>[] Tags(ParkedShipment parked) =>
        [new("source", parked.Source), new("channel", parked.Channel), new("kind", parked.Kind)];
}
