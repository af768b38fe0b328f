using System.Text.Json;
using System.Text.Json.Serialization;

namespace RetailFunctions.Core.Operations;

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(OperationsSummary))]
public sealed partial class OperationsJson : JsonSerializerContext;
