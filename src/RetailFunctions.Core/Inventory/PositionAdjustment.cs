namespace RetailFunctions.Core.Inventory;

public enum AdjustmentDecision
{
    Applied,

    /// <summary>The source already applied a newer count here: a late count, or a movement it covers, must not change it.</summary>
    Stale,

    /// <summary>This sequence was applied here already (a redelivered message): applying a delta again would double it.</summary>
    AlreadyApplied,
}

/// <summary>The sequence rule for one item against one position, and the position it leads to.</summary>
public static class PositionAdjustment
{
    public static (AdjustmentDecision Decision, StockPosition Position) Apply(StockPosition position, string source, long sequence, AdjustmentItem item)
    {
        var state = position.Source(source);
        var (decision, onHand, next) = item.OnHand is { } count
            ? Count(state, sequence, count + item.Delta, position.OnHand)
            : Movement(state, sequence, item.Delta, position.OnHand);
        if (decision != AdjustmentDecision.Applied)
        {
            return (decision, position);
        }

        var sequences = new Dictionary<string, SourceSequence>(position.Sequences) { [source] = next };
        return (decision, position with { OnHand = onHand, Sequences = sequences });
    }

    /// <summary>At the gate (DESIGN §3): an item older than the last sequence the source applied here is ignored and reported.</summary>
    public static bool IsStale(StockPosition? position, string source, long sequence) =>
        position?.LastSequence(source) is { } last && sequence < last;

    // A count is the truth as of its sequence: movements with later sequences already applied stay on top of it.
    private static (AdjustmentDecision, long, SourceSequence) Count(SourceSequence state, long sequence, long counted, long onHand)
    {
        if (state.LastCount is { } last && sequence <= last)
        {
            return (sequence == last ? AdjustmentDecision.AlreadyApplied : AdjustmentDecision.Stale, onHand, state);
        }

        var later = state.Deltas.Where(d => d.Sequence > sequence).ToArray();
        return (AdjustmentDecision.Applied, counted + later.Sum(d => d.Delta), state with
        {
            LastSequence = Math.Max(state.LastSequence, sequence),
            LastCount = sequence,
            Deltas = later,
        });
    }

    private static (AdjustmentDecision, long, SourceSequence) Movement(SourceSequence state, long sequence, long delta, long onHand)
    {
        if (state.LastCount is { } last && sequence <= last)
        {
            return (AdjustmentDecision.Stale, onHand, state);
        }

        if (sequence <= state.DeltaFloor || state.Deltas.Any(d => d.Sequence == sequence))
        {
            return (AdjustmentDecision.AlreadyApplied, onHand, state);
        }

        var deltas = state.Deltas.Append(new AppliedDelta(sequence, delta)).OrderBy(d => d.Sequence).ToArray();
        var forgotten = deltas.Length - SourceSequence.MaxDeltas;
        return (AdjustmentDecision.Applied, onHand + delta, state with
        {
            LastSequence = Math.Max(state.LastSequence, sequence),
            Deltas = forgotten > 0 ? deltas[forgotten..] : deltas,
            DeltaFloor = forgotten > 0 ? deltas[forgotten - 1].Sequence : state.DeltaFloor,
        });
    }
}
