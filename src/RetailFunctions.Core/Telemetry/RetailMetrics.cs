using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace RetailFunctions.Core.Telemetry;

/// <summary>
/// The fabric's business metrics on the Meter <c>RetailFunctions</c>; names, units and dimensions are the contract
/// the Application Insights alerts and workbook read (infra/README.md). Durations are in seconds.
/// </summary>
public sealed class RetailMetrics
{
    public const string MeterName = "RetailFunctions";

    private readonly Counter<long> _webhookRejected;
    private readonly Histogram<double> _webhookAckTime;
    private readonly Counter<long> _orderStatusChanged;
    private readonly Histogram<double> _orderCompletionTime;
    private readonly Histogram<double> _inventorySyncLag;
    private readonly Counter<long> _channelThrottled;
    private readonly Counter<long> _settlementExceptions;
    private readonly Histogram<double> _settlementVariance;
    private readonly Counter<long> _erpErrors;
    private readonly ConcurrentDictionary<string, long> _poisonDepths = new(StringComparer.Ordinal);

    public RetailMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(MeterName);
        _webhookRejected = meter.CreateCounter<long>("retail.webhook.rejected", description: "Webhook deliveries refused, by channel and reason.");
        _webhookAckTime = meter.CreateHistogram<double>("retail.webhook.ack_time", "s", "Time from request to the webhook's answer.");
        _orderStatusChanged = meter.CreateCounter<long>("retail.orders.status_changed", description: "Order status transitions.");
        _orderCompletionTime = meter.CreateHistogram<double>("retail.order.completion_time", "s", "Order received to completed.");
        _inventorySyncLag = meter.CreateHistogram<double>("retail.inventory.sync_lag", "s", "Inventory change seen to channel confirmed.");
        _channelThrottled = meter.CreateCounter<long>("retail.channel.throttled", description: "Channel API calls answered 429 or Retry-After.");
        _settlementExceptions = meter.CreateCounter<long>("retail.settlement.exceptions", description: "Settlement reconciliation exceptions.");
        _settlementVariance = meter.CreateHistogram<double>("retail.settlement.variance", description: "Absolute settlement variance per order.");
        _erpErrors = meter.CreateCounter<long>("retail.erp.errors", description: "ERP calls that failed after retries.");
        meter.CreateObservableGauge(
            "retail.poison.messages",
            () => _poisonDepths.Select(pair => new Measurement<long>(pair.Value, new KeyValuePair<string, object?>("queue", pair.Key))),
            description: "Messages waiting in each poison queue.");
    }

    public void WebhookRejected(string channel, string reason) =>
        _webhookRejected.Add(1, new TagList { { "channel", channel }, { "reason", reason } });

    public void WebhookAcknowledged(string channel, string outcome, TimeSpan elapsed) =>
        _webhookAckTime.Record(elapsed.TotalSeconds, new TagList { { "channel", channel }, { "outcome", outcome } });

    public void OrderStatusChanged(string channel, string status) =>
        _orderStatusChanged.Add(1, new TagList { { "channel", channel }, { "status", status } });

    public void OrderCompleted(string channel, TimeSpan endToEnd) =>
        _orderCompletionTime.Record(endToEnd.TotalSeconds, new TagList { { "channel", channel } });

    public void InventorySynced(string channel, TimeSpan lag) =>
        _inventorySyncLag.Record(lag.TotalSeconds, new TagList { { "channel", channel } });

    public void ChannelThrottled(string channel, string operation) =>
        _channelThrottled.Add(1, new TagList { { "channel", channel }, { "operation", operation } });

    public void SettlementException(string channel, string reason) =>
        _settlementExceptions.Add(1, new TagList { { "channel", channel }, { "reason", reason } });

    public void SettlementVariance(string channel, string currency, decimal amount) =>
        _settlementVariance.Record((double)Math.Abs(amount), new TagList { { "channel", channel }, { "currency", currency } });

    public void ErpError(string operation) =>
        _erpErrors.Add(1, new TagList { { "operation", operation } });

    /// <summary>The latest depth seen for a poison queue; reported as a gauge so an alert can fire on any value above zero.</summary>
    public void PoisonQueueDepth(string queue, long messages) => _poisonDepths[queue] = messages;
}
