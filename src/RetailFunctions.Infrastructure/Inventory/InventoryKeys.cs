using RetailFunctions.Core.Storage;

namespace RetailFunctions.Infrastructure.Inventory;

/// <summary>
/// Row keys of the <c>inventory</c> table. A SKU's partition holds its positions (<c>loc|…</c>) and the holds and
/// consumptions of orders on it (<c>hold|…</c>, <c>used|…</c>), so a reservation changes position and hold in one
/// transaction. '|' separates parts and is escaped inside them, so keys never collide.
/// </summary>
internal static class InventoryKeys
{
    public const string PositionPrefix = "loc|";

    // The first key after every "loc|…" key: '}' follows '|'.
    public const string PositionEnd = "loc}";

    public const string ReservationRow = "reservation";

    public const string WatermarkRow = "watermark";

    /// <summary>Not a SKU's partition: those never contain an unescaped '|'.</summary>
    public static string WatermarkPartition(string source) => "sequence|" + Part(source);

    public static string Part(string value) => StorageKey.Escape(value).Replace("|", "%7C", StringComparison.Ordinal);

    public static string Position(string location) => PositionPrefix + Part(location);

    public static string Hold(string location, string orderKey) => $"hold|{Part(location)}|{Part(orderKey)}";

    public static string Consumption(string location, string orderKey, string consumptionId) =>
        $"used|{Part(location)}|{Part(orderKey)}|{Part(consumptionId)}";

    public static string Restock(string location, string returnKey) => $"restock|{Part(location)}|{Part(returnKey)}";

    public static string Order(string orderKey) => "order|" + Part(orderKey);
}
