using System.Text.Json;
using System.Text.Json.Serialization;
using RetailFunctions.Cli.Demo;
using RetailFunctions.Cli.Poison;
using RetailFunctions.Cli.Settlements;

namespace RetailFunctions.Cli.Output;

/// <summary>Source-generated JSON for command output: camelCase, decimals written as exact JSON numbers.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(SettlementParseOutput))]
[JsonSerializable(typeof(IReadOnlyList<PoisonQueueSummary>))]
[JsonSerializable(typeof(PoisonMessageView))]
[JsonSerializable(typeof(PoisonReplayResult))]
[JsonSerializable(typeof(PoisonPurgeResult))]
[JsonSerializable(typeof(DemoSummary))]
internal sealed partial class CliJson : JsonSerializerContext;
