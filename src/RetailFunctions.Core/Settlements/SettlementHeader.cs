namespace RetailFunctions.Core.Settlements;

/// <summary>What a settlement file says about the settlement as a whole, as opposed to its lines.</summary>
/// <param name="TotalAmount">The amount paid out, as stated by the file (not the sum of its lines).</param>
public sealed record SettlementHeader(
    string SettlementId,
    string Channel,
    string Currency,
    decimal TotalAmount,
    DateTimeOffset? DepositDate,
    DateTimeOffset? PeriodStart,
    DateTimeOffset? PeriodEnd);
