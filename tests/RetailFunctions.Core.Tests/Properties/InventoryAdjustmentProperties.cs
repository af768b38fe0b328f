using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using RetailFunctions.Core.Inventory;

namespace RetailFunctions.Core.Tests.Properties;

/// <summary>
/// Ingestion idempotency for inventory adjustments (issue 9): whatever the redeliveries and the order in which the
/// queue hands one source's adjustments over, a position ends where the deduplicated sequence, applied in sequence
/// order, leaves it: the last count plus the movements after it.
/// </summary>
public sealed class InventoryAdjustmentProperties
{
    private const string Source = "erp";

    private sealed record Adjustment(long Sequence, long? Count, long Delta)
    {
        public AdjustmentItem Item => new("SKU-1500", "DC1", Count, Count is null ? Delta : 0);

        public override string ToString() => Count is { } count ? $"#{Sequence} count {count}" : $"#{Sequence} delta {Delta:+0;-0}";
    }

    private sealed record Scenario(Adjustment[] Distinct, Adjustment[] Delivered)
    {
        public override string ToString() => $"distinct [{string.Join(", ", Distinct.Select(a => a.ToString()))}] delivered [{string.Join(", ", Delivered.Select(a => a.Sequence))}]";
    }

    // Below SourceSequence.MaxDeltas, the movements a position remembers per source.
    private static readonly Gen<Adjustment[]> DistinctAdjustments =
        from count in Gen.Choose(1, 40)
        from sequences in Gen.Shuffle(Enumerable.Range(1, 200).Select(s => (long)s)).Select(all => all.Take(count).ToArray())
        from adjustments in Gen.CollectToArray(sequences, sequence => Gen.OneOf(
            Gen.Choose(0, 500).Select(n => new Adjustment(sequence, n, 0)),
            Gen.Choose(-20, 20).Where(d => d != 0).Select(d => new Adjustment(sequence, null, d))))
        select adjustments;

    private static readonly Arbitrary<Scenario> Scenarios =
        (from distinct in DistinctAdjustments
         from delivered in Redelivery.Of(distinct)
         select new Scenario(distinct, delivered)).ToArbitrary();

    [Property(MaxTest = 500)]
    public Property Apply_redeliveredAndReordered_endsLikeTheDeduplicatedSequence() =>
        Prop.ForAll(Scenarios, scenario =>
        {
            var delivered = ApplyAll(scenario.Delivered);
            var deduplicated = ApplyAll(scenario.Distinct.OrderBy(a => a.Sequence));

            var expected = Expected(scenario.Distinct);
            return delivered.OnHand == expected
                && deduplicated.OnHand == expected
                && delivered.LastSequence(Source) == scenario.Distinct.Max(a => a.Sequence)
                && delivered.Source(Source).LastCount == deduplicated.Source(Source).LastCount;
        });

    [Property(MaxTest = 300)]
    public Property Apply_sameAdjustmentTwice_secondIsNeverApplied() =>
        Prop.ForAll(Scenarios, scenario =>
        {
            var position = ApplyAll(scenario.Delivered.Take(scenario.Delivered.Length / 2));
            var next = scenario.Delivered[scenario.Delivered.Length / 2];
            var (_, once) = PositionAdjustment.Apply(position, Source, next.Sequence, next.Item);
            var (again, twice) = PositionAdjustment.Apply(once, Source, next.Sequence, next.Item);
            return again != AdjustmentDecision.Applied && twice.OnHand == once.OnHand;
        });

    private static StockPosition ApplyAll(IEnumerable<Adjustment> adjustments) =>
        adjustments.Aggregate(
            StockPosition.Empty("SKU-1500", "DC1"),
            (position, adjustment) => PositionAdjustment.Apply(position, Source, adjustment.Sequence, adjustment.Item).Position);

    /// <summary>A count is the truth as of its sequence; movements after it stack on top; before any count, on-hand starts at 0.</summary>
    private static long Expected(IReadOnlyList<Adjustment> distinct)
    {
        var lastCount = distinct.Where(a => a.Count is not null).MaxBy(a => a.Sequence);
        var after = lastCount?.Sequence ?? long.MinValue;
        return (lastCount?.Count ?? 0) + distinct.Where(a => a.Count is null && a.Sequence > after).Sum(a => a.Delta);
    }
}
