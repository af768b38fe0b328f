using System.Diagnostics.Metrics;
using RetailFunctions.Core.Telemetry;

namespace RetailFunctions.Core.Tests.Telemetry;

/// <summary>The instruments the Application Insights alerts and workbook query (infra/README.md), by name, unit and tags.</summary>
public sealed class RetailMetricsTests : IDisposable
{
    private readonly TestMeterFactory _meters = new();
    private readonly MeterListener _listener = new();
    private readonly List<(string Instrument, double Value, Dictionary<string, object?> Tags)> _measurements = [];
    private readonly List<Instrument> _instruments = [];

    public RetailMetricsTests()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == RetailMetrics.MeterName && _meters.Created.Contains(instrument.Meter))
            {
                _instruments.Add(instrument);
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((i, value, tags, _) => Record(i, value, tags));
        _listener.SetMeasurementEventCallback<double>((i, value, tags, _) => Record(i, value, tags));
        _listener.Start();
    }

    public void Dispose()
    {
        _listener.Dispose();
        _meters.Dispose();
    }

    [Fact]
    public void Constructor_meterRetailFunctions_publishesTheContractInstruments()
    {
        // Act
        _ = new RetailMetrics(_meters);

        // Assert
        var published = _instruments.ToDictionary(i => i.Name, i => (i.GetType().GetGenericTypeDefinition().Name, i.Unit));
        Assert.Equal(("Counter`1", null), published["retail.webhook.rejected"]);
        Assert.Equal(("Histogram`1", "s"), published["retail.webhook.ack_time"]);
        Assert.Equal(("Counter`1", null), published["retail.orders.status_changed"]);
        Assert.Equal(("Histogram`1", "s"), published["retail.order.completion_time"]);
        Assert.Equal(("Histogram`1", "s"), published["retail.inventory.sync_lag"]);
        Assert.Equal(("Counter`1", null), published["retail.channel.throttled"]);
        Assert.Equal(("Counter`1", null), published["retail.settlement.exceptions"]);
        Assert.Equal(("Histogram`1", null), published["retail.settlement.variance"]);
        Assert.Equal(("Counter`1", null), published["retail.erp.errors"]);
        Assert.Equal(("ObservableGauge`1", null), published["retail.poison.messages"]);
        Assert.Equal(10, published.Count);
    }

    [Fact]
    public void WebhookRejected_channelAndReason_countsOneWithBothTags()
    {
        // Arrange
        var metrics = new RetailMetrics(_meters);

        // Act
        metrics.WebhookRejected("shopify", "Unauthorized");

        // Assert
        var (instrument, value, tags) = Assert.Single(_measurements);
        Assert.Equal("retail.webhook.rejected", instrument);
        Assert.Equal(1, value);
        Assert.Equal("shopify", tags["channel"]);
        Assert.Equal("Unauthorized", tags["reason"]);
    }

    [Fact]
    public void OrderCompleted_duration_recordsSecondsByChannel()
    {
        // Arrange
        var metrics = new RetailMetrics(_meters);

        // Act
        metrics.OrderCompleted("amazon", TimeSpan.FromMinutes(90));

        // Assert
        var (instrument, value, tags) = Assert.Single(_measurements);
        Assert.Equal("retail.order.completion_time", instrument);
        Assert.Equal(5400, value);
        Assert.Equal("amazon", tags["channel"]);
    }

    [Fact]
    public void SettlementVariance_negativeAmount_recordsAbsoluteValue()
    {
        // Arrange
        var metrics = new RetailMetrics(_meters);

        // Act
        metrics.SettlementVariance("walmart", "USD", -12.34m);

        // Assert
        var (_, value, tags) = Assert.Single(_measurements);
        Assert.Equal(12.34, value, 6);
        Assert.Equal("USD", tags["currency"]);
    }

    [Fact]
    public void PoisonQueueDepth_latestValuePerQueue_isObservedByTheGauge()
    {
        // Arrange
        var metrics = new RetailMetrics(_meters);
        metrics.PoisonQueueDepth("channel-events-poison", 4);
        metrics.PoisonQueueDepth("channel-events-poison", 2);

        // Act
        _listener.RecordObservableInstruments();

        // Assert
        var (instrument, value, tags) = Assert.Single(_measurements);
        Assert.Equal("retail.poison.messages", instrument);
        Assert.Equal(2, value);
        Assert.Equal("channel-events-poison", tags["queue"]);
    }

    private void Record(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var copy = new Dictionary<string, object?>();
        foreach (var tag in tags)
        {
            copy[tag.Key] = tag.Value;
        }

        lock (_measurements)
        {
            _measurements.Add((instrument.Name, value, copy));
        }
    }

    private sealed class TestMeterFactory : IMeterFactory
    {
        public List<Meter> Created { get; } = [];

        public Meter Create(MeterOptions options)
        {
            var meter = new Meter(options);
            Created.Add(meter);
            return meter;
        }

        public void Dispose() => Created.ForEach(m => m.Dispose());
    }
}
