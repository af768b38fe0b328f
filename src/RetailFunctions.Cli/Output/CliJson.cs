using System.Text.Json;
using System.Text.Json.Serialization;
using RetailFunctions.Cli.Settlements;

namespace RetailFunctions.Cli.Output;

/// <summary>Source-generated JSON for command output: camelCase, decimals written as exact JSON numbers.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(SettlementParseOutput))]
internal sealed partial class CliJson : JsonSerializerContext;
