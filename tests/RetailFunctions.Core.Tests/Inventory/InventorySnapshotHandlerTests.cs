using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using RetailFunctions.Core.Inventory;
using RetailFunctions.Core.Tests.Fakes;

namespace RetailFunctions.Core.Tests.Inventory;

public sealed class InventorySnapshotHandlerTests
{
    private readonly InMemoryInventoryPositions _positions = new();
    private readonly InMemoryInventorySync _sync = new();
    private readonly List<InventorySnapshotReport> _reports = [];
    private readonly InventorySnapshotHandler _handler;

    public InventorySnapshotHandlerTests()
    {
        var options = new TestOptions<InventoryOptions>(new InventoryOptions { Channels = new(StringComparer.OrdinalIgnoreCase) { ["shopify"] = new() } });
        _handler = new InventorySnapshotHandler(
            _positions,
            new InventoryAvailability(_positions, _sync, options),
            new ListReports(_reports),
            new FixedTimeProvider(new DateTimeOffset(2025, 3, 14, 2, 0, 0, TimeSpan.Zero)),
            NullLogger<InventorySnapshotHandler>.Instance);
    }

    [Fact]
    public async Task Handle_drift_correctsOnlyDifferingPositionsAndReportsThem()
    {
        _positions.Set(StockPosition.Empty("SKU-1", "DC1") with { OnHand = 10 });
        _positions.Set(StockPosition.Empty("SKU-2", "DC1") with { OnHand = 5 });

        var report = await HandleAsync("sku,location,onHand,inTransit\nSKU-1,DC1,10\nSKU-2,DC1,3,4\n");

        Assert.Equal(InventorySnapshotReport.Applied, report.Status);
        Assert.Equal(2, report.Rows);
        Assert.Equal(new SnapshotCorrection("SKU-2", "DC1", 5, 3, 0, 4), Assert.Single(report.Corrections));
        Assert.Equal(3, (await _positions.FindAsync(new StockKey("SKU-2", "DC1"), CancellationToken.None))!.OnHand);
        Assert.Equal(1, _sync.PendingCount("shopify"));
    }

    [Theory]
    [InlineData("SKU-1,DC1,10\nSKU-2,DC1,abc\n", "line 2: onHand 'abc' is not a non-negative whole number.")]
    [InlineData("SKU-1,DC1,10\n\nSKU-2,DC1\n", "line 3: expected sku,location,onHand[,inTransit] but found 2 fields.")]
    [InlineData("SKU-1,DC1,10\nSKU-1,DC1,11\n", "line 2: SKU-1 at DC1 is counted again (first on line 1).")]
    [InlineData("SKU-1,DC1,-1\n", "line 1: onHand '-1' is not a non-negative whole number.")]
    public async Task Handle_malformedLine_rejectsWholeFileNamingTheLine(string csv, string error)
    {
        _positions.Set(StockPosition.Empty("SKU-1", "DC1") with { OnHand = 99 });

        var report = await HandleAsync(csv);

        Assert.Equal(InventorySnapshotReport.Rejected, report.Status);
        Assert.Equal(error, report.Error);
        Assert.Equal(0, _positions.Writes);
        Assert.Single(_reports);
    }

    private Task<InventorySnapshotReport> HandleAsync(string csv) =>
        _handler.HandleAsync("wms", "count.csv", new MemoryStream(Encoding.UTF8.GetBytes(csv)), CancellationToken.None);

    private sealed class ListReports(List<InventorySnapshotReport> reports) : IInventorySnapshotReports
    {
        public Task WriteAsync(InventorySnapshotReport report, CancellationToken cancellationToken)
        {
            reports.Add(report);
            return Task.CompletedTask;
        }
    }
}
