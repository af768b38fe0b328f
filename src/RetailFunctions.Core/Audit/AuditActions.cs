namespace RetailFunctions.Core.Audit;

/// <summary>The <see cref="AuditEntry.Action"/> values operators and queries filter on.</summary>
public static class AuditActions
{
    public const string PoisonReplay = "poison.replay";
    public const string PoisonPurge = "poison.purge";
    public const string OrderRetry = "order.retry";
    public const string SkuMappingSet = "mapping.sku.set";
}
