namespace RetailFunctions.Core.Inventory;

public enum AdjustmentDecision
{
    Applied,

    /// <summary>The source already applied a newer sequence here: a late count must not overwrite it.</summary>
    Stale,

    /// <summary>This sequence was applied here already (a redelivered message): applying a delta again would double it.</summary>
    AlreadyApplied,
}

/// <summary>The sequence rule for one item against one position, and the position it leads to.</summary>
public static class PositionAdjustment
{
    public static (AdjustmentDecision Decision, StockPosition Position) Apply(StockPosition position, string source, long sequence, AdjustmentItem item)
    {
        switch (position.LastSequence(source))
        {
            case { } last when sequence < last:
                return (AdjustmentDecision.Stale, position);
            case { } last when sequence == last:
                return (AdjustmentDecision.AlreadyApplied, position);
        }

        var onHand = (item.OnHand ?? position.OnHand) + item.Delta;
        var sequences = new Dictionary<string, long>(position.Sequences) { [source] = sequence };
        return (AdjustmentDecision.Applied, position with { OnHand = onHand, Sequences = sequences });
    }

    /// <summary>At the gate: would this item be ignored as older than what the source already applied?</summary>
    public static bool IsStale(StockPosition? position, string source, long sequence) =>
        position?.LastSequence(source) is { } last && sequence < last;
}
