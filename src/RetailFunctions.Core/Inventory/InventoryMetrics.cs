using System.Diagnostics.Metrics;

namespace RetailFunctions.Core.Inventory;

/// <summary>Sync lag (change seen → channel confirmed), pushes and throttles per channel.</summary>
public sealed class InventoryMetrics : IDisposable
{
    /// <summary>The app-wide meter infra/ alerts and workbooks read (infra/README.md, telemetry contract).</summary>
    public const string MeterName = "RetailFunctions";

    private readonly Meter _meter;
    private readonly Histogram<double> _syncLag;
    private readonly Counter<long> _pushes;
    private readonly Counter<long> _values;
    private readonly Counter<long> _throttles;

    public InventoryMetrics(IMeterFactory meters)
    {
        _meter = meters.Create(MeterName);
        _syncLag = _meter.CreateHistogram<double>("retail.inventory.sync_lag", "s", "From the change seen by the fabric to the channel confirming the value.");
        _pushes = _meter.CreateCounter<long>("retail.inventory.pushes", "{call}", "Inventory API calls that succeeded.");
        _values = _meter.CreateCounter<long>("retail.inventory.values_pushed", "{value}", "SKU values confirmed by a channel.");
        _throttles = _meter.CreateCounter<long>("retail.channel.throttled", "{call}", "Channel calls refused for rate limits (429 / Retry-After) or unavailability.");
    }

    public void Pushed(string channel, IReadOnlyList<PendingPush> batch, DateTimeOffset confirmedAt)
    {
        var tag = new KeyValuePair<string, object?>("channel", channel);
        _pushes.Add(1, tag);
        _values.Add(batch.Count, tag);
        foreach (var push in batch)
        {
            _syncLag.Record(Math.Max(0, (confirmedAt - push.FirstSeenAt).TotalSeconds), tag);
        }
    }

    public void Throttled(string channel, string operation) =>
        _throttles.Add(1, new KeyValuePair<string, object?>("channel", channel), new KeyValuePair<string, object?>("operation", operation));

    public void Dispose() => _meter.Dispose();
}
