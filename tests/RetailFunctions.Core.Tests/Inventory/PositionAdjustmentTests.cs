using RetailFunctions.Core.Inventory;

namespace RetailFunctions.Core.Tests.Inventory;

public sealed class PositionAdjustmentTests
{
    private static readonly StockPosition AtSeven = StockPosition.Empty("SKU-1", "DC1") with { OnHand = 40, Sequences = new Dictionary<string, long> { ["erp"] = 7 } };

    [Fact]
    public void Apply_olderSequence_isStaleAndChangesNothing()
    {
        var (decision, position) = PositionAdjustment.Apply(AtSeven, "erp", 6, new AdjustmentItem("SKU-1", "DC1", 99, 0));

        Assert.Equal(AdjustmentDecision.Stale, decision);
        Assert.Equal(40, position.OnHand);
    }

    [Fact]
    public void Apply_sameSequenceAgain_isAlreadyAppliedSoADeltaIsNotDoubled()
    {
        var (decision, position) = PositionAdjustment.Apply(AtSeven, "erp", 7, new AdjustmentItem("SKU-1", "DC1", null, -2));

        Assert.Equal(AdjustmentDecision.AlreadyApplied, decision);
        Assert.Equal(40, position.OnHand);
    }

    [Fact]
    public void Apply_newerCount_setsOnHandAndRemembersSequence()
    {
        var (decision, position) = PositionAdjustment.Apply(AtSeven, "erp", 8, new AdjustmentItem("SKU-1", "DC1", 37, 0));

        Assert.Equal(AdjustmentDecision.Applied, decision);
        Assert.Equal(37, position.OnHand);
        Assert.Equal(8, position.LastSequence("erp"));
    }

    [Fact]
    public void Apply_otherSourceWithLowerSequence_isApplied()
    {
        var (decision, position) = PositionAdjustment.Apply(AtSeven, "wms", 1, new AdjustmentItem("SKU-1", "DC1", null, -3));

        Assert.Equal(AdjustmentDecision.Applied, decision);
        Assert.Equal(37, position.OnHand);
        Assert.Equal(7, position.LastSequence("erp"));
        Assert.Equal(1, position.LastSequence("wms"));
    }

    [Fact]
    public void IsStale_unknownPosition_isFalse()
    {
        Assert.False(PositionAdjustment.IsStale(null, "erp", 1));
        Assert.True(PositionAdjustment.IsStale(AtSeven, "erp", 6));
        Assert.False(PositionAdjustment.IsStale(AtSeven, "erp", 7));
    }
}
