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
    public const string OutboxTable = "outbox";
    public const string RetailEventsLocalQueue = "retail-events-local";
    public const string OutboxRelayQueue = "outbox-relay";
    public const string InventoryChangesQueue = "inventory-changes";
    public const string InventorySnapshotsContainer = "inventory-snapshots";
    public const string InventorySnapshotReportsContainer = "inventory-snapshots-reports";

    /// <summary>Documents for the legacy ERP, one file each; its acknowledgements come back in the inbox.</summary>
    public const string ErpLegacyOutboxContainer = Core.BackOffice.Erp.LegacyErpFiles.OutboxContainer;
    public const string ErpLegacyInboxContainer = Core.BackOffice.Erp.LegacyErpFiles.InboxContainer;

    /// <summary>Positions per SKU and location, holds per order, reservation records.</summary>
    public const string InventoryTable = "inventory";

    /// <summary>Per channel: what each SKU was last pushed as.</summary>
    public const string InventorySyncTable = "inventorysync";

    /// <summary>
    /// Per channel: SKUs waiting to be pushed. A row lives only until the channel confirms its value, so the fan-out's
    /// poll every second reads what is due and nothing else (Azurite answers a query by scanning the whole table).
    /// </summary>
    public const string InventoryPendingTable = "inventorypending";

    /// <summary>Per SKU: the master product record, its running promotion and each channel's publication state.</summary>
    public const string CatalogTable = "catalog";

    /// <summary>Per channel: SKUs waiting to be published.</summary>
    public const string CatalogSyncTable = "catalogsync";

    public const string CatalogChangesQueue = "catalog-changes";
    public const string CatalogContainer = "catalog";
    public const string CatalogQuarantineContainer = "catalog-quarantine";

    /// <summary>Shipment callbacks parked until their order can take them.</summary>
    public const string ShipmentsTable = "shipments";
    public const string ReturnsTable = "returns";

    /// <summary>Operator actions, append-only (who, when, what, before and after).</summary>
    public const string AuditTable = "audit";

    /// <summary>Running SLA clocks per flow, and the breaches they raised.</summary>
    public const string SlaClocksTable = "slaclocks";
    public const string SlaBreachesTable = "slabreaches";

    /// <summary>Per channel: the order-polling watermark and the last webhook seen.</summary>
    public const string ChannelWatchTable = "channelwatch";

    public static readonly IReadOnlyList<string> Containers =
        [RawWebhooksContainer, SettlementsContainer, SettlementReportsContainer, SettlementsQuarantineContainer, InventorySnapshotsContainer, InventorySnapshotReportsContainer,
        ErpLegacyOutboxContainer, ErpLegacyInboxContainer, CatalogContainer, CatalogQuarantineContainer];

    public static readonly IReadOnlyList<string> Queues =
        [ChannelEventsQueue, ChannelEventsQueue + "-poison", RetailEventsLocalQueue, OutboxRelayQueue, OutboxRelayQueue + "-poison", InventoryChangesQueue, InventoryChangesQueue + "-poison", CatalogChangesQueue, CatalogChangesQueue + "-poison"];

    public static readonly IReadOnlyList<string> Tables =
    [
        OrdersTable, WebhookReceiptsTable, SkuMappingsTable, OrderNumbersTable, SettlementsTable, SettlementExceptionsTable,
        SettlementFilesTable, SettledOrdersTable, OutboxTable, InventoryTable, InventorySyncTable, InventoryPendingTable, ShipmentsTable, ReturnsTable,
        AuditTable, SlaClocksTable, SlaBreachesTable, ChannelWatchTable,
        CatalogTable, CatalogSyncTable,
    ];
}
