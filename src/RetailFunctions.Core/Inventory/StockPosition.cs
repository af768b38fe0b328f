namespace RetailFunctions.Core.Inventory;

/// <summary>
/// One SKU at one location. <paramref name="Sequences"/> holds, per adjustment source, what it applied here, so a
/// count that arrives late never overwrites a newer one and a redelivered movement is not applied twice.
/// </summary>
public sealed record StockPosition(
    string Sku,
    string Location,
    long OnHand,
    long Reserved,
    long InTransit,
    IReadOnlyDictionary<string, SourceSequence> Sequences)
{
    public static StockPosition Empty(string sku, string location) =>
        new(sku, location, 0, 0, 0, new Dictionary<string, SourceSequence>());

    public long? LastSequence(string source) => Sequences.TryGetValue(source, out var sequence) ? sequence.LastSequence : null;

    public SourceSequence Source(string source) => Sequences.GetValueOrDefault(source) ?? SourceSequence.None;
}
