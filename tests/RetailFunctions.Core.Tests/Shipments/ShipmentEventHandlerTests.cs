using Microsoft.Extensions.Logging.Abstractions;
using RetailFunctions.Core.Shipments;
using RetailFunctions.Core.Tests.Fakes;
using RetailFunctions.Core.Tests.Samples;

namespace RetailFunctions.Core.Tests.Shipments;

public sealed class ShipmentEventHandlerTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2025, 3, 15, 19, 0, 0, TimeSpan.Zero);
    private readonly FakeOrderLedger _ledger = new();
    private readonly FakeOrderWorkflow _workflow = new();
    private readonly FakeParkedShipments _parked = new();
    private readonly ShipmentMetrics _metrics = new();

    public void Dispose() => _metrics.Dispose();

    private ShipmentEventHandler Handler(IShipmentMapper mapper) =>
        new(mapper, new ShipmentMatcher(_ledger), _parked, _metrics, new FixedTimeProvider(Now), NullLogger<ShipmentEventHandler>.Instance);

    [Fact]
    public async Task HandleAsync_orderWithRunningWorkflow_raisesTheShipmentWithEveryPackage()
    {
        // Act
        await Handler(new ThirdPartyLogisticsShipmentMapper()).HandleAsync(
            TestWebhooks.Envelope("shipments-3pl", "shipment", "TPL-778899"), SampleFiles.Shipments("3pl-order-shipped.json"), _workflow, CancellationToken.None);

        // Assert
        var (channel, orderId, shipment) = Assert.Single(_workflow.Shipments);
        Assert.Equal(("shopify", "5551234567890", "TPL-778899", 2), (channel, orderId, shipment.ShipmentId, shipment.Packages!.Count));
        Assert.Empty(_parked.Entries);
    }

    [Fact]
    public async Task HandleAsync_orderWithoutWorkflow_parksItPointingAtTheArchivedBody()
    {
        // Arrange
        _workflow.IsRunning = (_, _) => false;
        var envelope = TestWebhooks.Envelope("shipments-3pl", "shipment", "TPL-778899");

        // Act
        await Handler(new ThirdPartyLogisticsShipmentMapper()).HandleAsync(envelope, SampleFiles.Shipments("3pl-order-shipped.json"), _workflow, CancellationToken.None);

        // Assert
        var parked = Assert.Single(_parked.Entries.Values);
        Assert.Equal(("3pl", "TPL-778899", "shopify", "5551234567890", envelope.BlobPath, Now), (parked.Source, parked.CallbackId, parked.Channel, parked.ChannelOrderId, parked.BlobPath, parked.ParkedAt));
        Assert.False(parked.IsFlagged);
    }

    [Fact]
    public async Task HandleAsync_carrierStatusForKnownOrder_recordsItOnTheOrder()
    {
        // Arrange
        await _ledger.RecordAsync(TestOrders.Order(), CancellationToken.None);

        // Act
        await Handler(new CarrierShipmentMapper()).HandleAsync(
            TestWebhooks.Envelope("shipments-carrier", "tracking", "trk_1"), SampleFiles.Shipments("carrier-tracking-updated.json"), _workflow, CancellationToken.None);

        // Assert
        var order = await _ledger.FindAsync("shopify", "5551234567890", CancellationToken.None);
        var tracking = Assert.Single(order!.Tracking!);
        Assert.Equal(("1Z999AA10123456784", TrackingStatus.Delivered), (tracking.TrackingNumber, tracking.Status));
        Assert.Empty(_parked.Entries);
    }

    [Fact]
    public async Task HandleAsync_carrierStatusForUnknownOrder_parksIt()
    {
        // Act
        await Handler(new CarrierShipmentMapper()).HandleAsync(
            TestWebhooks.Envelope("shipments-carrier", "tracking", "trk_1"), SampleFiles.Shipments("carrier-tracking-updated.json"), _workflow, CancellationToken.None);

        // Assert
        Assert.Equal("tracking", Assert.Single(_parked.Entries.Values).Kind);
    }
}
