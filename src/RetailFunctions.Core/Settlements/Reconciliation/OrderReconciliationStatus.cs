namespace RetailFunctions.Core.Settlements.Reconciliation;

public enum OrderReconciliationStatus
{
    /// <summary>The settlement paid what the ledger expects, within the tolerance.</summary>
    Matched,

    /// <summary>The order is known but the amounts differ; the reasons say how.</summary>
    Variance,

    /// <summary>The settlement pays or charges for an order the ledger does not hold.</summary>
    OrderUnknown,

    /// <summary>The order shipped long enough ago to have been settled, and was not.</summary>
    Unsettled,
}
