using System.Text.Json;
using System.Text.Json.Serialization;
using RetailFunctions.Core.Events;

namespace RetailFunctions.Infrastructure.Events;

/// <summary>The event envelope on the topic and the local queue, and the outbox listing: camelCase.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(RetailEvent))]
[JsonSerializable(typeof(List<OutboxEntry>))]
public sealed partial class RetailEventJson : JsonSerializerContext;
