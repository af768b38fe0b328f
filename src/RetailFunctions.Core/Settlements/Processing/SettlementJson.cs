using System.Text.Json;
using System.Text.Json.Serialization;

namespace RetailFunctions.Core.Settlements.Processing;

/// <summary>Source-generated JSON of the settlement pipeline's outputs: camelCase, enums as names, decimals exact.</summary>
[JsonSourceGenerationOptions(
    JsonSerializerDefaults.Web,
    UseStringEnumConverter = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    WriteIndented = true)]
[JsonSerializable(typeof(SettlementReport))]
[JsonSerializable(typeof(SettlementOverview))]
[JsonSerializable(typeof(QuarantineReason))]
[JsonSerializable(typeof(SettlementReconciledEvent))]
public sealed partial class SettlementJson : JsonSerializerContext;
