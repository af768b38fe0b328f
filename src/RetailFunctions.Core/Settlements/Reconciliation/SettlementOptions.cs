using RetailFunctions.Core.Settlements.Journals;

namespace RetailFunctions.Core.Settlements.Reconciliation;

/// <summary>Reconciliation and journal settings, section <c>Settlements</c>.</summary>
public sealed class SettlementOptions
{
    public const string SectionName = "Settlements";

    /// <summary>Largest difference per order that still counts as matched (rounding between systems).</summary>
    public decimal AmountTolerance { get; set; } = 0.01m;

    /// <summary>A shipped order not settled this many days after shipping is an exception; 0 turns the check off.</summary>
    public int UnsettledAfterDays { get; set; } = 14;

    /// <summary>How far back shipped orders are looked at for <see cref="UnsettledAfterDays"/>, bounding the ledger query.</summary>
    public int UnsettledLookbackDays { get; set; } = 60;

    /// <summary>Contracted fees per channel name; channels without one have fees booked, not checked.</summary>
    public Dictionary<string, FeeSchedule> Fees { get; set; } = new(StringComparer.OrdinalIgnoreCase)
    {
        // Shopify Payments online card rate (Basic plan): 2.9 % + 0.30 per charge.
        ["shopify"] = new FeeSchedule { Rate = 0.029m, PerOrder = 0.30m },
    };

    public GlAccountOptions GlAccounts { get; set; } = new();

    public FeeSchedule FeesFor(string channel) => Fees.GetValueOrDefault(channel) ?? new FeeSchedule();

    /// <returns>A problem, or null when the options are usable.</returns>
    public string? Validate() =>
        AmountTolerance < 0 ? "Settlements:AmountTolerance cannot be negative."
        : UnsettledAfterDays < 0 ? "Settlements:UnsettledAfterDays cannot be negative."
        : UnsettledLookbackDays < UnsettledAfterDays ? "Settlements:UnsettledLookbackDays must be at least UnsettledAfterDays."
        : GlAccounts.Validate();
}
