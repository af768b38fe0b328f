using System.Diagnostics.Metrics;
using RetailFunctions.Core.Settlements.Reconciliation;

namespace RetailFunctions.Core.Settlements.Processing;

/// <summary>The settlement instruments of the <c>RetailFunctions</c> meter that the alerts and the workbook read.</summary>
public sealed class SettlementMetrics : IDisposable
{
    public const string MeterName = "RetailFunctions";
    private readonly Meter _meter = new(MeterName);
    private readonly Counter<long> _exceptions;
    private readonly Histogram<double> _variance;

    public SettlementMetrics()
    {
        _exceptions = _meter.CreateCounter<long>("retail.settlement.exceptions", description: "Settlement exceptions by reason");
        _variance = _meter.CreateHistogram<double>("retail.settlement.variance", description: "Absolute settlement variance per order");
    }

    public void Record(SettlementReconciliation reconciliation)
    {
        ArgumentNullException.ThrowIfNull(reconciliation);
        var channel = new KeyValuePair<string, object?>("channel", reconciliation.Summary.Channel);
        foreach (var group in reconciliation.Exceptions.GroupBy(e => e.Reason))
        {
            _exceptions.Add(group.Count(), channel, new KeyValuePair<string, object?>("reason", group.Key.ToString()));
        }

        var currency = new KeyValuePair<string, object?>("currency", reconciliation.Summary.Currency);
        foreach (var order in reconciliation.Orders.Where(o => o.Status == OrderReconciliationStatus.Variance))
        {
            _variance.Record((double)Math.Abs(order.SalesVariance + order.FeeVariance), channel, currency);
        }
    }

    public void Dispose() => _meter.Dispose();
}
