using System.Text.Json;
using System.Text.Json.Serialization;
using RetailFunctions.Core.BackOffice;
using RetailFunctions.Simulators.Erp;
using RetailFunctions.Simulators.Faults;
using RetailFunctions.Simulators.Gateway;
using RetailFunctions.Simulators.RateLimits;
using RetailFunctions.Simulators.Wms;

namespace RetailFunctions.Simulators;

/// <summary>Source-generated JSON for the simulators' own documents: camelCase, enums as names.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, UseStringEnumConverter = true)]
[JsonSerializable(typeof(ErpSalesOrder))]
[JsonSerializable(typeof(ErpInvoice))]
[JsonSerializable(typeof(ErpJournal))]
[JsonSerializable(typeof(ErpSalesOrderResult))]
[JsonSerializable(typeof(ErpInvoiceResult))]
[JsonSerializable(typeof(ErpJournalResult))]
[JsonSerializable(typeof(ErpSalesOrderDocument))]
[JsonSerializable(typeof(IReadOnlyList<ErpSalesOrderDocument>))]
[JsonSerializable(typeof(IReadOnlyList<ErpInvoiceDocument>))]
[JsonSerializable(typeof(IReadOnlyList<ErpJournalDocument>))]
[JsonSerializable(typeof(FulfilmentRequest))]
[JsonSerializable(typeof(FulfilmentAccepted))]
[JsonSerializable(typeof(FulfilmentRecord))]
[JsonSerializable(typeof(IReadOnlyList<FulfilmentRecord>))]
[JsonSerializable(typeof(ShipmentDelivery))]
[JsonSerializable(typeof(ShipmentDelivery[]))]
[JsonSerializable(typeof(ShipmentRequest))]
[JsonSerializable(typeof(WmsSettings))]
[JsonSerializable(typeof(WmsShipmentCallback))]
[JsonSerializable(typeof(FaultSpec))]
[JsonSerializable(typeof(ActiveFault))]
[JsonSerializable(typeof(IReadOnlyList<ActiveFault>))]
[JsonSerializable(typeof(TokenBucketSettings))]
[JsonSerializable(typeof(IReadOnlyDictionary<string, TokenBucketSettings>))]
[JsonSerializable(typeof(IReadOnlyDictionary<string, OperationCount>))]
[JsonSerializable(typeof(Dictionary<string, IReadOnlyDictionary<string, OperationCount>>))]
public sealed partial class SimulatorJson : JsonSerializerContext;
