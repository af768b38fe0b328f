namespace RetailFunctions.Core.Settlements.Journals;

/// <summary>
/// The GL mapping of settlement journals (section <c>Settlements:GlAccounts</c>): an account per kind, optional
/// overrides per raw type (e.g. <c>ItemFees/FBAPerUnitFulfillmentFee</c>), the bank clearing account that receives
/// the deposit and the variance account that takes every difference.
/// </summary>
public sealed class GlAccountOptions
{
    /// <summary>Bank clearing account debited with the deposit.</summary>
    public string Clearing { get; set; } = "1020";

    /// <summary>Takes per-order variances, amounts of unknown orders and lines that do not sum to the deposit.</summary>
    public string Variance { get; set; } = "6990";

    /// <summary>Account per <see cref="SettlementKind"/> name. Sales kinds clear the channel receivable the invoices debited.</summary>
    public Dictionary<string, string> Kinds { get; set; } = new(StringComparer.OrdinalIgnoreCase)
    {
        [nameof(SettlementKind.Principal)] = "1210",
        [nameof(SettlementKind.Tax)] = "1210",
        [nameof(SettlementKind.Shipping)] = "1210",
        [nameof(SettlementKind.Promotion)] = "1210",
        [nameof(SettlementKind.Refund)] = "1210",
        [nameof(SettlementKind.Fee)] = "6110",
        [nameof(SettlementKind.Reserve)] = "1250",
        [nameof(SettlementKind.Adjustment)] = "6190",
        [nameof(SettlementKind.Other)] = "6990",
    };

    /// <summary>Accounts for particular raw types, taking precedence over <see cref="Kinds"/>.</summary>
    public Dictionary<string, string> RawTypes { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    public string AccountFor(SettlementKind kind, string rawType) =>
        RawTypes.TryGetValue(rawType, out var byType) ? byType
        : Kinds.TryGetValue(kind.ToString(), out var byKind) ? byKind
        : Variance;

    /// <returns>A problem, or null when the mapping is usable.</returns>
    public string? Validate() =>
        string.IsNullOrWhiteSpace(Clearing) ? "Settlements:GlAccounts:Clearing is required."
        : string.IsNullOrWhiteSpace(Variance) ? "Settlements:GlAccounts:Variance is required."
        : Kinds.Concat(RawTypes).FirstOrDefault(k => string.IsNullOrWhiteSpace(k.Value)) is { Key: { } empty } ? $"Settlements:GlAccounts: no account for '{empty}'."
        : null;
}
