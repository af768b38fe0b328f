using RetailFunctions.Core.Inventory;

namespace RetailFunctions.Core.Tests.Fakes;

internal sealed class RecordingStockReturns : IStockReturns
{
    public List<(string ReturnKey, IReadOnlyList<ReservationLine> Lines)> Restocked { get; } = [];

    public Task RestockAsync(string returnKey, IReadOnlyList<ReservationLine> lines, CancellationToken cancellationToken)
    {
        Restocked.Add((returnKey, lines));
        return Task.CompletedTask;
    }
}
