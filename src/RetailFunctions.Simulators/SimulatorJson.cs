using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using RetailFunctions.Core.BackOffice;
using RetailFunctions.Simulators.Amazon;
using RetailFunctions.Simulators.Channels;
using RetailFunctions.Simulators.Erp;
using RetailFunctions.Simulators.Faults;
using RetailFunctions.Simulators.Gateway;
using RetailFunctions.Simulators.RateLimits;
using RetailFunctions.Simulators.Walmart;
using RetailFunctions.Simulators.Webhooks;
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
[JsonSerializable(typeof(ErpCreditMemo))]
[JsonSerializable(typeof(ErpCreditMemoResult))]
[JsonSerializable(typeof(IReadOnlyList<ErpCreditMemoDocument>))]
[JsonSerializable(typeof(IReadOnlyList<RefundConfirmation>))]
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
[JsonSerializable(typeof(JsonObject))]
[JsonSerializable(typeof(IReadOnlyList<OrderAcknowledgement>))]
[JsonSerializable(typeof(IReadOnlyList<OrderCancellation>))]
[JsonSerializable(typeof(IReadOnlyList<TrackingPush>))]
[JsonSerializable(typeof(IReadOnlyList<InventoryValue>))]
[JsonSerializable(typeof(IReadOnlyList<CatalogListing>))]
[JsonSerializable(typeof(CatalogRejections))]
[JsonSerializable(typeof(CatalogTamper))]
[JsonSerializable(typeof(AmazonOrderSeed))]
[JsonSerializable(typeof(AmazonOrder))]
[JsonSerializable(typeof(IReadOnlyList<AmazonOrder>))]
[JsonSerializable(typeof(IReadOnlyList<AmazonFeed>))]
[JsonSerializable(typeof(WalmartOrderSeed))]
[JsonSerializable(typeof(WalmartOrder))]
[JsonSerializable(typeof(IReadOnlyList<WalmartOrder>))]
[JsonSerializable(typeof(WebhookDelivery))]
[JsonSerializable(typeof(IReadOnlyList<WebhookDelivery>))]
[JsonSerializable(typeof(WebhookLossSettings))]
[JsonSerializable(typeof(JsonArray))]
[JsonSerializable(typeof(FaultSpec))]
[JsonSerializable(typeof(ActiveFault))]
[JsonSerializable(typeof(IReadOnlyList<ActiveFault>))]
[JsonSerializable(typeof(TokenBucketSettings))]
[JsonSerializable(typeof(IReadOnlyDictionary<string, TokenBucketSettings>))]
[JsonSerializable(typeof(IReadOnlyDictionary<string, OperationCount>))]
[JsonSerializable(typeof(Dictionary<string, IReadOnlyDictionary<string, OperationCount>>))]
public sealed partial class SimulatorJson : JsonSerializerContext;
