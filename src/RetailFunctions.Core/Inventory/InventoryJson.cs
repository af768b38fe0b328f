using System.Text.Json;
using System.Text.Json.Serialization;

namespace RetailFunctions.Core.Inventory;

/// <summary>Source-generated JSON for the inventory context: queue messages, the query answer, reports.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, UseStringEnumConverter = true, DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(InventoryChange))]
[JsonSerializable(typeof(InventoryView))]
[JsonSerializable(typeof(InventorySnapshotReport))]
[JsonSerializable(typeof(AdjustmentResponse))]
[JsonSerializable(typeof(List<ReservationLine>))]
public sealed partial class InventoryJson : JsonSerializerContext;
