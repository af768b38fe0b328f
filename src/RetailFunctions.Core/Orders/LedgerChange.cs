namespace RetailFunctions.Core.Orders;

public enum LedgerChange
{
    Created,
    Updated,

    /// <summary>The incoming version is older than what the ledger holds; nothing was written.</summary>
    Stale,
}
