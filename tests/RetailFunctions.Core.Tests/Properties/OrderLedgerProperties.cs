using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using RetailFunctions.Core.Orders;
using RetailFunctions.Core.Tests.Fakes;

namespace RetailFunctions.Core.Tests.Properties;

/// <summary>
/// Ingestion idempotency for the order ledger (issue 9): the versions of one order, redelivered and reordered by the
/// channel, leave the ledger row the deduplicated versions leave when applied in order: the newest version, cancelled
/// when any version was (channels never take a cancellation back).
/// </summary>
public sealed class OrderLedgerProperties
{
    private sealed record Scenario(CanonicalOrder[] Versions, CanonicalOrder[] Delivered)
    {
        public override string ToString() =>
            $"versions [{string.Join(", ", Versions.Select(Describe))}] delivered [{string.Join(", ", Delivered.Select(Describe))}]";

        private static string Describe(CanonicalOrder order) =>
            $"{OrderLedgerRule.VersionOf(order):HH:mm}{(order.CancelledAt is null ? "" : " cancelled")}";
    }

    private static readonly Arbitrary<Scenario> Scenarios =
        (from count in Gen.Choose(1, 8)
         from cancelledFrom in Gen.Choose(0, count + 2)
         from minutes in Gen.Shuffle(Enumerable.Range(0, 120)).Select(all => all.Take(count).Order().ToArray())
         let versions = minutes.Select((minute, index) => Version(minute, cancelled: index >= cancelledFrom)).ToArray()
         from delivered in Redelivery.Of(versions)
         select new Scenario(versions, delivered)).ToArbitrary();

    [Property(MaxTest = 500)]
    public Property Record_redeliveredAndReordered_endsLikeTheVersionsInOrder() =>
        Prop.ForAll(Scenarios, scenario =>
        {
            var delivered = Ledger(scenario.Delivered);
            var inOrder = Ledger(scenario.Versions);

            var newest = scenario.Versions.Max(OrderLedgerRule.VersionOf);
            var cancelled = scenario.Versions.Any(v => v.CancelledAt is not null);
            return delivered == inOrder
                && delivered.Version == newest
                && delivered.Status == (cancelled ? OrderStatus.Cancelled : OrderStatus.Received);
        });

    [Property(MaxTest = 200)]
    public Property Record_afterTheWorkflowMovedOn_deliveriesNeverMoveTheStatusBack() =>
        Prop.ForAll(
            Scenarios,
            Gen.Elements(OrderStatus.Reserved, OrderStatus.PostedToErp, OrderStatus.AwaitingShipment, OrderStatus.Shipped, OrderStatus.Completed).ToArbitrary(),
            (scenario, progressed) => scenario.Delivered.All(order => OrderLedgerRule.NextStatus(progressed, order) == progressed));

    /// <summary>The ledger row as <c>TableOrderLedger</c> keeps it: status and the stored order's version.</summary>
    private static (OrderStatus Status, DateTimeOffset Version) Ledger(IEnumerable<CanonicalOrder> deliveries)
    {
        (OrderStatus Status, CanonicalOrder Order)? row = null;
        foreach (var order in deliveries)
        {
            if (row is not { } stored)
            {
                row = (OrderLedgerRule.InitialStatus(order), order);
            }
            else if (!OrderLedgerRule.IsStale(stored.Status, OrderLedgerRule.VersionOf(stored.Order), order))
            {
                row = (OrderLedgerRule.NextStatus(stored.Status, order), order);
            }
        }

        return (row!.Value.Status, OrderLedgerRule.VersionOf(row.Value.Order));
    }

    private static CanonicalOrder Version(int minute, bool cancelled)
    {
        var at = TestOrders.PlacedAt.AddMinutes(minute);
        return TestOrders.Order() with { UpdatedAt = at, CancelledAt = cancelled ? at : null };
    }
}
