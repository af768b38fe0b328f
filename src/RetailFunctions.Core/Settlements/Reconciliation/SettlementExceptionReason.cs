namespace RetailFunctions.Core.Settlements.Reconciliation;

/// <summary>Why a settlement, or one of its orders, needs a person to look at it.</summary>
public enum SettlementExceptionReason
{
    /// <summary>What the buyer paid as settled differs from the order total in the ledger.</summary>
    AmountMismatch,

    /// <summary>The channel charged another fee than its fee schedule says.</summary>
    FeeDifference,

    /// <summary>The order is cancelled in the ledger, yet the settlement pays for it without refunding it.</summary>
    MissingRefund,

    /// <summary>The settlement refunds more than the order was worth.</summary>
    RefundExceedsOrder,

    /// <summary>The order was placed in another currency than the settlement's.</summary>
    CurrencyMismatch,

    OrderUnknown,

    /// <summary>A shipped order that no settlement has paid for after the configured number of days.</summary>
    OrderUnsettled,

    /// <summary>The lines of the file do not sum to the total it states.</summary>
    LinesDoNotSumToTotal,

    /// <summary>A raw type the parser did not know; its lines were kept as <see cref="SettlementKind.Other"/>.</summary>
    UnmappedAmountType,
}
