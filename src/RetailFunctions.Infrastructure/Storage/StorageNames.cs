namespace RetailFunctions.Infrastructure.Storage;

/// <summary>Every container, queue and table the fabric uses; infra/ creates the same set in Azure.</summary>
public static class StorageNames
{
    public const string RawWebhooksContainer = "raw-webhooks";
    public const string ChannelEventsQueue = "channel-events";
    public const string OrdersTable = "orders";
    public const string WebhookReceiptsTable = "webhookreceipts";
    public const string InventoryChangesQueue = "inventory-changes";
    public const string InventorySnapshotsContainer = "inventory-snapshots";
    public const string InventorySnapshotReportsContainer = "inventory-snapshots-reports";

    /// <summary>Positions per SKU and location, holds per order, reservation records.</summary>
    public const string InventoryTable = "inventory";

    /// <summary>Per channel: SKUs waiting to be pushed, and what each SKU was last pushed as.</summary>
    public const string InventorySyncTable = "inventorysync";

    public static readonly IReadOnlyList<string> Containers = [RawWebhooksContainer, InventorySnapshotsContainer, InventorySnapshotReportsContainer];
    public static readonly IReadOnlyList<string> Queues = [ChannelEventsQueue, ChannelEventsQueue + "-poison", InventoryChangesQueue, InventoryChangesQueue + "-poison"];
    public static readonly IReadOnlyList<string> Tables = [OrdersTable, WebhookReceiptsTable, InventoryTable, InventorySyncTable];
}
