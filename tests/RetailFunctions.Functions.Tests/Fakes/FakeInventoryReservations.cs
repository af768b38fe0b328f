using System.Collections.Concurrent;
using RetailFunctions.Core.BackOffice;
using RetailFunctions.Core.Inventory;

namespace RetailFunctions.Functions.Tests.Fakes;

/// <summary>Reserves everything asked for unless told there is no stock; consumption is idempotent per consumption id.</summary>
internal sealed class FakeInventoryReservations : IInventoryReservations
{
    private int _consumeFailuresLeft;

    public bool HasStock { get; set; } = true;

    public ConcurrentQueue<ReservationRequest> Reserved { get; } = new();

    public ConcurrentQueue<string> Released { get; } = new();

    public ConcurrentDictionary<string, IReadOnlyList<ReservationLine>> Consumed { get; } = new();

    /// <summary>The next <paramref name="times"/> consumptions fail as if the inventory store were down.</summary>
    public void FailConsumption(int times) => _consumeFailuresLeft = times;

    public Task<ReservationResult> ReserveAsync(ReservationRequest request, CancellationToken cancellationToken)
    {
        if (!HasStock)
        {
            var shortages = request.Lines.Select(l => new ReservationShortage(l.Sku, l.Location, l.Quantity, 0)).ToList();
            return Task.FromResult(new ReservationResult(false, $"Not enough stock for {string.Join(", ", shortages.Select(s => s.Sku))}.", shortages));
        }

        Reserved.Enqueue(request);
        return Task.FromResult(new ReservationResult(true, null, []));
    }

    public Task ReleaseAsync(string orderKey, CancellationToken cancellationToken)
    {
        Released.Enqueue(orderKey);
        return Task.CompletedTask;
    }

    public Task ConsumeAsync(string orderKey, string consumptionId, IReadOnlyList<ReservationLine> lines, CancellationToken cancellationToken)
    {
        if (Interlocked.Decrement(ref _consumeFailuresLeft) >= 0)
        {
            throw new BackOfficeUnavailableException("inventory", "consume", 503, "store busy");
        }

        Consumed.TryAdd(consumptionId, lines);
        return Task.CompletedTask;
    }
}
