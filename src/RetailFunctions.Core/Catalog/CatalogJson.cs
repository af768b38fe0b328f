using System.Text.Json;
using System.Text.Json.Serialization;

namespace RetailFunctions.Core.Catalog;

/// <summary>Source-generated JSON for the catalog context: queue messages, stored records, the query and API answers.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, UseStringEnumConverter = true, DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(CatalogChange))]
[JsonSerializable(typeof(CatalogItemChange))]
[JsonSerializable(typeof(CatalogRecord))]
[JsonSerializable(typeof(ActivePromotion))]
[JsonSerializable(typeof(CatalogPromotion))]
[JsonSerializable(typeof(CatalogView))]
[JsonSerializable(typeof(CatalogChangeResponse))]
[JsonSerializable(typeof(CatalogQuarantineReason))]
[JsonSerializable(typeof(CatalogConsistencyReport))]
[JsonSerializable(typeof(Dictionary<string, string>))]
public sealed partial class CatalogJson : JsonSerializerContext;
