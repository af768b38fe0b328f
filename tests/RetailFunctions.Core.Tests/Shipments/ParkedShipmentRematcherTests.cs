using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using RetailFunctions.Core.Shipments;
using RetailFunctions.Core.Tests.Fakes;
using RetailFunctions.Core.Tests.Samples;

namespace RetailFunctions.Core.Tests.Shipments;

public sealed class ParkedShipmentRematcherTests : IDisposable
{
    private const string BlobPath = "raw-webhooks/shipments-3pl/2025/03/15/TPL-778899.json";
    private static readonly DateTimeOffset ParkedAt = new(2025, 3, 15, 19, 0, 0, TimeSpan.Zero);
    private readonly FakeOrderLedger _ledger = new();
    private readonly FakeOrderWorkflow _workflow = new();
    private readonly FakeParkedShipments _parked = new();
    private readonly FakeRawWebhookArchive _archive = new();
    private readonly ShipmentMetrics _metrics = new();

    public ParkedShipmentRematcherTests()
    {
        _archive.Bodies[BlobPath] = SampleFiles.Shipments("3pl-order-shipped.json");
        _parked.Entries[("3pl", "TPL-778899")] =
            new ParkedShipment("3pl", "TPL-778899", "shipment", "shopify", "5551234567890", BlobPath, ParkedAt, 1, ParkedAt, null);
    }

    public void Dispose() => _metrics.Dispose();

    private ParkedShipmentRematcher Rematcher(DateTimeOffset now) =>
        new(_parked, _archive, [new ThirdPartyLogisticsShipmentMapper()], new ShipmentMatcher(_ledger), _metrics,
            Options.Create(new ShipmentsOptions { ParkedAlertAfter = TimeSpan.FromHours(1) }), new FixedTimeProvider(now), NullLogger<ParkedShipmentRematcher>.Instance);

    [Fact]
    public async Task RunAsync_orderHasArrived_raisesTheShipmentAndUnparksIt()
    {
        // Act
        var matched = await Rematcher(ParkedAt.AddMinutes(2)).RunAsync(_workflow, CancellationToken.None);

        // Assert
        Assert.Equal(1, matched);
        Assert.Equal("TPL-778899", Assert.Single(_workflow.Shipments).Shipment.ShipmentId);
        Assert.Empty(_parked.Entries);
    }

    [Fact]
    public async Task RunAsync_stillUnknownWithinTheAlertTime_countsTheAttemptWithoutFlagging()
    {
        // Arrange
        _workflow.IsRunning = (_, _) => false;

        // Act
        var matched = await Rematcher(ParkedAt.AddMinutes(59)).RunAsync(_workflow, CancellationToken.None);

        // Assert
        Assert.Equal(0, matched);
        var parked = Assert.Single(_parked.Entries.Values);
        Assert.Equal((2, false), (parked.Attempts, parked.IsFlagged));
    }

    [Fact]
    public async Task RunAsync_stillUnknownAfterTheAlertTime_flagsItOnceAndKeepsIt()
    {
        // Arrange
        _workflow.IsRunning = (_, _) => false;
        var flaggedAt = ParkedAt.AddHours(1);

        // Act
        await Rematcher(flaggedAt).RunAsync(_workflow, CancellationToken.None);
        await Rematcher(flaggedAt.AddMinutes(5)).RunAsync(_workflow, CancellationToken.None);

        // Assert
        var parked = Assert.Single(_parked.Entries.Values);
        Assert.Equal((3, flaggedAt), (parked.Attempts, parked.FlaggedAt));
        Assert.Empty(_workflow.Shipments);
    }

    [Fact]
    public async Task RunAsync_oneEntryUnreadable_processesTheOthersAndThenFails()
    {
        // Arrange
        _parked.Entries[("3pl", "TPL-000001")] =
            new ParkedShipment("3pl", "TPL-000001", "shipment", "shopify", "1", "raw-webhooks/missing.json", ParkedAt, 1, ParkedAt, null);

        // Act
        var exception = await Record.ExceptionAsync(() => Rematcher(ParkedAt.AddMinutes(1)).RunAsync(_workflow, CancellationToken.None));

        // Assert
        Assert.IsType<AggregateException>(exception);
        Assert.Equal("TPL-000001", Assert.Single(_parked.Entries.Values).CallbackId);
        Assert.Single(_workflow.Shipments);
    }
}
