using System.Globalization;
using Azure.Data.Tables;
using RetailFunctions.Core.Inventory;

namespace RetailFunctions.Infrastructure.Inventory;

/// <summary>
/// A position row: counts and, per adjustment source, its highest sequence (<c>Seq_{source}</c>), last count
/// (<c>Count_{source}</c>), movements since (<c>Deltas_{source}</c>, "sequence:delta,…") and their floor (<c>Floor_{source}</c>).
/// </summary>
internal static class PositionEntity
{
    private const string SequencePrefix = "Seq_";
    private const string CountPrefix = "Count_";
    private const string DeltasPrefix = "Deltas_";
    private const string FloorPrefix = "Floor_";

    /// <summary>The column holding the highest sequence <paramref name="source"/> applied to a position.</summary>
    public static string SequenceColumn(string source) => SequencePrefix + source;

    public static TableEntity From(StockPosition position)
    {
        var entity = new TableEntity(InventoryKeys.Part(position.Sku), InventoryKeys.Position(position.Location))
        {
            ["Sku"] = position.Sku,
            ["Location"] = position.Location,
            ["OnHand"] = position.OnHand,
            ["Reserved"] = position.Reserved,
            ["InTransit"] = position.InTransit,
        };
        foreach (var (source, sequence) in position.Sequences)
        {
            entity[SequencePrefix + source] = sequence.LastSequence;
            if (sequence.LastCount is { } count)
            {
                entity[CountPrefix + source] = count;
            }

            if (sequence.DeltaFloor != long.MinValue)
            {
                entity[FloorPrefix + source] = sequence.DeltaFloor;
            }

            entity[DeltasPrefix + source] = string.Join(',', sequence.Deltas.Select(d => string.Create(CultureInfo.InvariantCulture, $"{d.Sequence}:{d.Delta}")));
        }

        return entity;
    }

    public static StockPosition ToPosition(TableEntity entity) => new(
        entity.GetString("Sku"),
        entity.GetString("Location"),
        entity.GetInt64("OnHand") ?? 0,
        entity.GetInt64("Reserved") ?? 0,
        entity.GetInt64("InTransit") ?? 0,
        entity.Keys
            .Where(k => k.StartsWith(SequencePrefix, StringComparison.Ordinal))
            .Select(k => k[SequencePrefix.Length..])
            .ToDictionary(source => source, source => new SourceSequence(
                entity.GetInt64(SequencePrefix + source) ?? 0,
                entity.GetInt64(CountPrefix + source),
                Deltas(entity.GetString(DeltasPrefix + source)),
                entity.GetInt64(FloorPrefix + source) ?? long.MinValue)));

    private static AppliedDelta[] Deltas(string? text) =>
        string.IsNullOrEmpty(text)
            ? []
            : text.Split(',').Select(pair => pair.Split(':')).Select(p => new AppliedDelta(
                long.Parse(p[0], CultureInfo.InvariantCulture),
                long.Parse(p[1], CultureInfo.InvariantCulture))).ToArray();

    /// <summary>Adds the row when new, else replaces it only if nobody wrote it since it was read.</summary>
    public static TableTransactionAction Write(TableEntity? existing, StockPosition position) =>
        existing is null
            ? new TableTransactionAction(TableTransactionActionType.Add, From(position))
            : new TableTransactionAction(TableTransactionActionType.UpdateReplace, From(position), existing.ETag);
}
