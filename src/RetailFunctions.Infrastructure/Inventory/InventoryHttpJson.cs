using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace RetailFunctions.Infrastructure.Inventory;

/// <summary>Bodies of the channel inventory calls.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(JsonObject))]
[JsonSerializable(typeof(JsonNode))]
internal sealed partial class InventoryHttpJson : JsonSerializerContext;
