namespace RetailFunctions.Core.Settlements.Shopify;

/// <summary>Maps a Shopify Payments balance transaction type to a <see cref="SettlementKind"/>.</summary>
public static class ShopifyTransactionTypes
{
    /// <summary>The type of the row that pays the balance out to the bank: the settlement total, not a line.</summary>
    public const string Payout = "payout";

    /// <summary>Suffix of the raw type of the fee line split off a transaction, e.g. <c>charge/fee</c>.</summary>
    public const string FeeSuffix = "fee";

    private static readonly Dictionary<string, SettlementKind> Kinds = new(StringComparer.OrdinalIgnoreCase)
    {
        ["charge"] = SettlementKind.Principal,
        ["refund"] = SettlementKind.Refund,
        ["payment_refund"] = SettlementKind.Refund,
        ["adjustment"] = SettlementKind.Adjustment,
        ["dispute"] = SettlementKind.Adjustment,
        ["chargeback"] = SettlementKind.Adjustment,
        ["chargeback_won"] = SettlementKind.Adjustment,
        ["reserved_funds"] = SettlementKind.Reserve,
        ["reserve"] = SettlementKind.Reserve,
        ["shipping_label"] = SettlementKind.Fee,
        ["application_fee"] = SettlementKind.Fee,
    };

    public static string RawType(string type, string part) => part.Length == 0 ? type : $"{type}/{part}";

    public static SettlementKind Classify(string type, string part) =>
        part == FeeSuffix ? SettlementKind.Fee : Kinds.GetValueOrDefault(type, SettlementKind.Other);
}
