using RetailFunctions.Core.Inventory;

namespace RetailFunctions.Core.Tests.Inventory;

public sealed class PositionAdjustmentTests
{
    // Counted at 40 by the ERP's message 7.
    private static readonly StockPosition AtSeven = PositionAdjustment.Apply(StockPosition.Empty("SKU-1", "DC1"), "erp", 7, new AdjustmentItem("SKU-1", "DC1", 40, 0)).Position;

    [Fact]
    public void Apply_olderSequence_isStaleAndChangesNothing()
    {
        var (decision, position) = PositionAdjustment.Apply(AtSeven, "erp", 6, new AdjustmentItem("SKU-1", "DC1", 99, 0));

        Assert.Equal(AdjustmentDecision.Stale, decision);
        Assert.Equal(40, position.OnHand);
    }

    [Fact]
    public void Apply_sameMovementAgain_isAlreadyAppliedSoItIsNotDoubled()
    {
        var moved = PositionAdjustment.Apply(AtSeven, "erp", 8, new AdjustmentItem("SKU-1", "DC1", null, -2)).Position;

        var (decision, position) = PositionAdjustment.Apply(moved, "erp", 8, new AdjustmentItem("SKU-1", "DC1", null, -2));

        Assert.Equal(AdjustmentDecision.AlreadyApplied, decision);
        Assert.Equal(38, position.OnHand);
    }

    [Fact]
    public void Apply_movementOlderThanTheLastCount_isStale()
    {
        var (decision, position) = PositionAdjustment.Apply(AtSeven, "erp", 6, new AdjustmentItem("SKU-1", "DC1", null, -2));

        Assert.Equal(AdjustmentDecision.Stale, decision);
        Assert.Equal(40, position.OnHand);
    }

    [Fact]
    public void Apply_countHandledAfterALaterMovement_keepsTheMovementOnTop()
    {
        // Messages 8 (count 50) and 9 (−3) were handled in the wrong order by parallel queue consumers.
        var moved = PositionAdjustment.Apply(AtSeven, "erp", 9, new AdjustmentItem("SKU-1", "DC1", null, -3)).Position;

        var (decision, position) = PositionAdjustment.Apply(moved, "erp", 8, new AdjustmentItem("SKU-1", "DC1", 50, 0));

        Assert.Equal(AdjustmentDecision.Applied, decision);
        Assert.Equal(47, position.OnHand);
        Assert.Equal(9, position.LastSequence("erp"));
    }

    [Fact]
    public void Apply_movementsInAnyOrderAndRedelivered_sumAsIfInOrder()
    {
        var random = new Random(7);
        var sequences = Enumerable.Range(10, SourceSequence.MaxDeltas).SelectMany(s => new[] { s, s }).OrderBy(_ => random.Next()).ToArray();
        var position = AtSeven;

        foreach (var sequence in sequences)
        {
            position = PositionAdjustment.Apply(position, "erp", sequence, new AdjustmentItem("SKU-1", "DC1", null, -1)).Position;
        }

        Assert.Equal(40 - SourceSequence.MaxDeltas, position.OnHand);
    }

    [Fact]
    public void IsStale_unknownPosition_isFalse()
    {
        Assert.False(PositionAdjustment.IsStale(null, "erp", 1));
        Assert.True(PositionAdjustment.IsStale(AtSeven, "erp", 6));
        Assert.False(PositionAdjustment.IsStale(AtSeven, "erp", 7));
        Assert.False(PositionAdjustment.IsStale(AtSeven, "wms", 1));
    }
}
