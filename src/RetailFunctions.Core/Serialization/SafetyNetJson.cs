using System.Text.Json;
using System.Text.Json.Serialization;
using RetailFunctions.Core.Audit;
using RetailFunctions.Core.Recovery;
using RetailFunctions.Core.Sla;

namespace RetailFunctions.Core.Serialization;

/// <summary>
/// JSON of the operators' safety net (audit trail, SLA breaches, channel recovery), shared by the HTTP API and the CLI
/// so both print the same shape: camelCase, time spans as <c>hh:mm:ss</c>.
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(AuditEntry))]
[JsonSerializable(typeof(IReadOnlyList<AuditEntry>))]
[JsonSerializable(typeof(SlaBreach))]
[JsonSerializable(typeof(IReadOnlyList<SlaBreach>))]
[JsonSerializable(typeof(ChannelWatch))]
[JsonSerializable(typeof(IReadOnlyList<ChannelWatch>))]
[JsonSerializable(typeof(RecoveryRun))]
public sealed partial class SafetyNetJson : JsonSerializerContext;
