using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using RetailFunctions.Core.BackOffice;

namespace RetailFunctions.Infrastructure.BackOffice;

/// <summary>Request and response bodies of the back-office clients: camelCase, decimals as JSON numbers.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(ErpSalesOrder))]
[JsonSerializable(typeof(ErpInvoice))]
[JsonSerializable(typeof(ErpJournal))]
[JsonSerializable(typeof(ErpCreditMemo))]
[JsonSerializable(typeof(ErpCreditMemoPosted))]
[JsonSerializable(typeof(FulfilmentRequest))]
[JsonSerializable(typeof(ErpSalesOrderCreated))]
[JsonSerializable(typeof(ErpInvoicePosted))]
[JsonSerializable(typeof(ErpJournalPosted))]
[JsonSerializable(typeof(AmazonFeedDocument))]
[JsonSerializable(typeof(AmazonFeedCreated))]
[JsonSerializable(typeof(JsonObject))]
[JsonSerializable(typeof(JsonNode))]
internal sealed partial class BackOfficeJson : JsonSerializerContext;
