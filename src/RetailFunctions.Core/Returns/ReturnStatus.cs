namespace RetailFunctions.Core.Returns;

public enum ReturnStatus
{
    Received,

    /// <summary>The original order is not in the ledger yet (a return that overtook its order); matched again on a timer, never dropped.</summary>
    Parked,
    Accepted,

    /// <summary>Refused by the policy (window, quantity, order unknown or never shipped); the reason says which.</summary>
    Rejected,
    Restocked,
    CreditMemoPosted,
    Refunded,

    /// <summary>A step failed for good (ERP or channel refused); the reason says which, and the return can be retried.</summary>
    Failed,
}
