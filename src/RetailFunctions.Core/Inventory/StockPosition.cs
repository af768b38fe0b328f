namespace RetailFunctions.Core.Inventory;

/// <summary>
/// One SKU at one location. <paramref name="Sequences"/> holds, per adjustment source, the last sequence applied here,
/// so a count that arrives late never overwrites a newer one.
/// </summary>
public sealed record StockPosition(
    string Sku,
    string Location,
    long OnHand,
    long Reserved,
    long InTransit,
    IReadOnlyDictionary<string, long> Sequences)
{
    public static StockPosition Empty(string sku, string location) =>
        new(sku, location, 0, 0, 0, new Dictionary<string, long>());

    public long? LastSequence(string source) => Sequences.TryGetValue(source, out var sequence) ? sequence : null;
}
