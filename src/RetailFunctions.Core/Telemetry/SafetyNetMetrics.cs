using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace RetailFunctions.Core.Telemetry;

/// <summary>
/// The safety net's instruments on the <c>RetailFunctions</c> meter: orders recovered by polling (= webhooks lost),
/// channels gone quiet, SLA breaches.
/// </summary>
public sealed class SafetyNetMetrics
{
    private readonly Counter<long> _ordersRecovered;
    private readonly Counter<long> _channelQuiet;
    private readonly Counter<long> _slaBreaches;

    public SafetyNetMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        var meter = meterFactory.Create(RetailMetrics.MeterName);
        _ordersRecovered = meter.CreateCounter<long>("retail.orders.recovered", description: "Orders found by polling a channel that no webhook had brought: a measure of webhook loss.");
        _channelQuiet = meter.CreateCounter<long>("retail.channel.quiet", description: "Alerts for a channel that sent no webhook for longer than its quiet period.");
        _slaBreaches = meter.CreateCounter<long>("retail.sla.breaches", description: "Flows that took longer than their service level, by flow.");
    }

    public void OrderRecovered(string channel) => _ordersRecovered.Add(1, new TagList { { "channel", channel } });

    public void ChannelQuiet(string channel) => _channelQuiet.Add(1, new TagList { { "channel", channel } });

    public void SlaBreached(string flow) => _slaBreaches.Add(1, new TagList { { "flow", flow } });
}
