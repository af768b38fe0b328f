using RetailFunctions.Core.BackOffice;

namespace RetailFunctions.Simulators.Wms;

public sealed record FulfilmentRecord(
    string RequestId,
    string IdempotencyKey,
    DateTimeOffset ReceivedAt,
    FulfilmentRequest Request,
    IReadOnlyList<ShipmentDelivery> Shipments)
{
    public FulfilmentStatus Status
    {
        get
        {
            var shipped = Shipments.SelectMany(s => s.Callback.Lines).Sum(l => l.Quantity);
            var ordered = Request.Lines.Sum(l => l.Quantity);
            return shipped == 0 ? FulfilmentStatus.Accepted : shipped < ordered ? FulfilmentStatus.PartiallyShipped : FulfilmentStatus.Shipped;
        }
    }

    /// <summary>Quantity of each SKU not yet in a shipment.</summary>
    public IReadOnlyList<FulfilmentLine> Unshipped() =>
        Request.Lines
            .GroupBy(l => l.Sku, StringComparer.Ordinal)
            .Select(g => new FulfilmentLine(g.Key, g.Sum(l => l.Quantity) - Shipments.SelectMany(s => s.Callback.Lines).Where(l => l.Sku == g.Key).Sum(l => l.Quantity)))
            .Where(l => l.Quantity > 0)
            .ToArray();
}
