namespace RetailFunctions.Core.Inventory;

/// <summary>
/// What one adjustment source has applied to one position: its highest sequence, the sequence of its last count, and
/// the movements (deltas) applied since that count. Messages can be handled out of order (queue consumers run in
/// parallel), so a count that turns out older than movements already applied is rebased onto them instead of wiping them out.
/// </summary>
/// <param name="DeltaFloor">Movements at or below this sequence were dropped from <paramref name="Deltas"/> to bound its size.</param>
public sealed record SourceSequence(long LastSequence, long? LastCount, IReadOnlyList<AppliedDelta> Deltas, long DeltaFloor)
{
    /// <summary>Movements remembered per source and position; beyond this the oldest are forgotten.</summary>
    public const int MaxDeltas = 100;

    public static SourceSequence None { get; } = new(long.MinValue, null, [], long.MinValue);
}

public readonly record struct AppliedDelta(long Sequence, long Delta);
