namespace RetailFunctions.Infrastructure.Storage;

/// <summary>Every container, queue and table the fabric uses; infra/ creates the same set in Azure.</summary>
public static class StorageNames
{
    public const string RawWebhooksContainer = "raw-webhooks";
    public const string ChannelEventsQueue = "channel-events";
    public const string OrdersTable = "orders";
    public const string WebhookReceiptsTable = "webhookreceipts";
    public const string SkuMappingsTable = "skumappings";
    public const string SettlementsContainer = "settlements";
    public const string SettlementReportsContainer = "settlement-reports";
    public const string SettlementsQuarantineContainer = "settlements-quarantine";
    public const string SettlementsTable = "settlements";
    public const string SettlementExceptionsTable = "settlementexceptions";
    public const string SettlementFilesTable = "settlementfiles";
    public const string SettledOrdersTable = "settledorders";
    public const string OrderNumbersTable = "ordernumbers";

    /// <summary>Shipment callbacks parked until their order can take them.</summary>
    public const string ShipmentsTable = "shipments";
    public const string ReturnsTable = "returns";

    public static readonly IReadOnlyList<string> Containers =
        [RawWebhooksContainer, SettlementsContainer, SettlementReportsContainer, SettlementsQuarantineContainer];
    public static readonly IReadOnlyList<string> Queues = [ChannelEventsQueue, ChannelEventsQueue + "-poison"];
    public static readonly IReadOnlyList<string> Tables =
        [OrdersTable, WebhookReceiptsTable, SkuMappingsTable, OrderNumbersTable, SettlementsTable, SettlementExceptionsTable, SettlementFilesTable, SettledOrdersTable, ShipmentsTable, ReturnsTable];
}
