namespace RetailFunctions.Core.Settlements.Reconciliation;

/// <summary>What a channel is contracted to charge per order: a rate of the order total plus a fixed amount.</summary>
/// <remarks>A channel without a schedule (both zero) has its fees booked but not checked.</remarks>
public sealed class FeeSchedule
{
    public decimal Rate { get; set; }

    public decimal PerOrder { get; set; }

    public bool IsDefined => Rate != 0m || PerOrder != 0m;

    /// <summary>The expected fee as a settlement amount (negative: charged to the seller).</summary>
    public decimal ExpectedFee(decimal orderTotal) =>
        -Math.Round((orderTotal * Rate) + PerOrder, 2, MidpointRounding.AwayFromZero);
}
