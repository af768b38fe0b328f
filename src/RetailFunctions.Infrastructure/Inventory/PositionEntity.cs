using Azure.Data.Tables;
using RetailFunctions.Core.Inventory;

namespace RetailFunctions.Infrastructure.Inventory;

/// <summary>A position row: counts and, per adjustment source, the last sequence applied (<c>Seq_{source}</c>).</summary>
internal static class PositionEntity
{
    private const string SequencePrefix = "Seq_";

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
            entity[SequencePrefix + source] = sequence;
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
            .ToDictionary(k => k[SequencePrefix.Length..], k => entity.GetInt64(k) ?? 0));

    /// <summary>Adds the row when new, else replaces it only if nobody wrote it since it was read.</summary>
    public static TableTransactionAction Write(TableEntity? existing, StockPosition position) =>
        existing is null
            ? new TableTransactionAction(TableTransactionActionType.Add, From(position))
            : new TableTransactionAction(TableTransactionActionType.UpdateReplace, From(position), existing.ETag);
}
