using System.Text.Json;
using System.Text.Json.Serialization;

namespace RetailFunctions.Core.BackOffice.Erp;

/// <summary>The legacy ERP's file format, shared by the adapter and the simulated legacy ERP: camelCase, decimals exact.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(LegacyErpDocument))]
[JsonSerializable(typeof(LegacyErpAcknowledgement))]
public sealed partial class LegacyErpJson : JsonSerializerContext;
