using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using RetailFunctions.Core.Inventory;
using RetailFunctions.Infrastructure.Inventory;
using RetailFunctions.Infrastructure.Storage;
using RetailFunctions.IntegrationTests.Hosting;

namespace RetailFunctions.IntegrationTests.Inventory;

/// <summary>The Table reservations against Azurite: ETag-guarded holds under real concurrency.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class InventoryReservationConcurrencyTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private StorageClients _storage = null!;
    private TableInventoryPositions _positions = null!;
    private TableInventoryReservations _reservations = null!;

    public async Task InitializeAsync()
    {
        _storage = await InventoryStorage.CreateAsync(azurite);
        _positions = new TableInventoryPositions(_storage);
        var options = new StaticOptions(new InventoryOptions { Channels = new(StringComparer.OrdinalIgnoreCase) { ["shopify"] = new() } });
        var availability = new InventoryAvailability(_positions, new TableInventorySync(_storage), options);
        _reservations = new TableInventoryReservations(_storage, availability, TimeProvider.System, NullLogger<TableInventoryReservations>.Instance);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Reserve_20ConcurrentOrdersForTheLast5Units_exactly5Reserved()
    {
        var sku = NewSku();
        await StockAsync(sku, "DC1", 5);
        string[] channels = ["shopify", "amazon", "walmart", "pos"];

        var results = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => Task.Run(() =>
            _reservations.ReserveAsync(new ReservationRequest($"order-{sku}-{i}", channels[i % 4], [new ReservationLine(sku, "DC1", 1)]), CancellationToken.None))));

        Assert.Equal(5, results.Count(r => r.Reserved));
        Assert.All(results.Where(r => !r.Reserved), r => Assert.Equal(0, Assert.Single(r.Shortages).Available));
        var position = await PositionAsync(sku, "DC1");
        Assert.Equal((5L, 5L), (position.OnHand, position.Reserved));
    }

    [Fact]
    public async Task Reserve_concurrentOrdersOfDifferentSizes_neverReserveMoreThanOnHand()
    {
        var sku = NewSku();
        await StockAsync(sku, "DC1", 17);

        var results = await Task.WhenAll(Enumerable.Range(0, 12).Select(i => Task.Run(() =>
            _reservations.ReserveAsync(new ReservationRequest($"order-{sku}-{i}", "shopify", [new ReservationLine(sku, "DC1", 1 + (i % 4))]), CancellationToken.None))));

        var reserved = Enumerable.Range(0, 12).Where(i => results[i].Reserved).Sum(i => 1 + (i % 4));
        var position = await PositionAsync(sku, "DC1");
        Assert.InRange(reserved, 14, 17);
        Assert.Equal(reserved, position.Reserved);
    }

    [Fact]
    public async Task Reserve_sameOrderTwice_holdsOnce()
    {
        var sku = NewSku();
        await StockAsync(sku, "DC1", 10);
        var request = new ReservationRequest($"order-{sku}", "shopify", [new ReservationLine(sku, "DC1", 3), new ReservationLine(sku, "DC1", 1)]);

        var first = await _reservations.ReserveAsync(request, CancellationToken.None);
        var second = await _reservations.ReserveAsync(request, CancellationToken.None);

        Assert.True(first.Reserved && second.Reserved);
        Assert.Equal(4, (await PositionAsync(sku, "DC1")).Reserved);
    }

    [Fact]
    public async Task Reserve_shortOnOneLine_holdsNothingAndNamesTheShortage()
    {
        var sku = NewSku();
        await StockAsync(sku, "DC1", 10);
        await StockAsync(sku, "DC2", 1);

        var result = await _reservations.ReserveAsync(
            new ReservationRequest($"order-{sku}", "amazon", [new ReservationLine(sku, "DC1", 2), new ReservationLine(sku, "DC2", 3)]),
            CancellationToken.None);

        Assert.False(result.Reserved);
        Assert.Contains("Insufficient stock", result.Reason);
        Assert.Equal(new ReservationShortage(sku, "DC2", 3, 1), Assert.Single(result.Shortages));
        Assert.Equal(0, (await PositionAsync(sku, "DC1")).Reserved);
    }

    [Fact]
    public async Task Release_twice_givesStockBackOnce()
    {
        var sku = NewSku();
        await StockAsync(sku, "DC1", 10);
        var orderKey = $"order-{sku}";
        await _reservations.ReserveAsync(new ReservationRequest(orderKey, "walmart", [new ReservationLine(sku, "DC1", 4)]), CancellationToken.None);

        await _reservations.ReleaseAsync(orderKey, CancellationToken.None);
        await _reservations.ReleaseAsync(orderKey, CancellationToken.None);

        Assert.Equal((10L, 0L), ((await PositionAsync(sku, "DC1")).OnHand, (await PositionAsync(sku, "DC1")).Reserved));
    }

    [Fact]
    public async Task Consume_sameShipmentTwice_takesStockOnce()
    {
        var sku = NewSku();
        await StockAsync(sku, "DC1", 10);
        var orderKey = $"order-{sku}";
        await _reservations.ReserveAsync(new ReservationRequest(orderKey, "shopify", [new ReservationLine(sku, "DC1", 4)]), CancellationToken.None);

        await _reservations.ConsumeAsync(orderKey, "shipment-1", [new ReservationLine(sku, "DC1", 3)], CancellationToken.None);
        await _reservations.ConsumeAsync(orderKey, "shipment-1", [new ReservationLine(sku, "DC1", 3)], CancellationToken.None);

        var position = await PositionAsync(sku, "DC1");
        Assert.Equal((7L, 1L), (position.OnHand, position.Reserved));
    }

    private static string NewSku() => $"SKU-9{Random.Shared.Next(0, 999_999):D6}";

    private Task StockAsync(string sku, string location, long onHand) =>
        _positions.CorrectAsync(new SnapshotRow(1, sku, location, onHand, null), CancellationToken.None);

    private async Task<StockPosition> PositionAsync(string sku, string location) =>
        await _positions.FindAsync(new StockKey(sku, location), CancellationToken.None) ?? throw new InvalidOperationException("No position.");

    private sealed class StaticOptions(InventoryOptions value) : IOptionsMonitor<InventoryOptions>
    {
        public InventoryOptions CurrentValue => value;

        public InventoryOptions Get(string? name) => value;

        public IDisposable? OnChange(Action<InventoryOptions, string?> listener) => null;
    }
}
