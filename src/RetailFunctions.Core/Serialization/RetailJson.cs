using System.Text.Json;
using System.Text.Json.Serialization;
using RetailFunctions.Core.Orders;
using RetailFunctions.Core.Returns;
using RetailFunctions.Core.Shipments;
using RetailFunctions.Core.Webhooks;

namespace RetailFunctions.Core.Serialization;

/// <summary>Source-generated JSON for everything the fabric stores or sends: camelCase, enums as names.</summary>
[JsonSourceGenerationOptions(
    JsonSerializerDefaults.Web,
    UseStringEnumConverter = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(ChannelEventEnvelope))]
[JsonSerializable(typeof(CanonicalOrder))]
[JsonSerializable(typeof(OrderRecord))]
[JsonSerializable(typeof(List<OrderLine>))]
[JsonSerializable(typeof(List<OrderShipment>))]
[JsonSerializable(typeof(OrderTotals))]
[JsonSerializable(typeof(List<TrackingEvent>))]
[JsonSerializable(typeof(List<OrderReturn>))]
[JsonSerializable(typeof(ReturnRequest))]
[JsonSerializable(typeof(ReturnRecord))]
[JsonSerializable(typeof(List<ParkedShipment>))]
[JsonSerializable(typeof(IReadOnlyList<ParkedShipment>))]
public sealed partial class RetailJson : JsonSerializerContext;
