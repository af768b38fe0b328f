namespace RetailFunctions.Core.Settlements.Walmart;

/// <summary>Maps Walmart's Transaction Type and Amount Type to a <see cref="SettlementKind"/>.</summary>
public static class WalmartAmountTypes
{
    /// <summary>Transaction Type of the report's summary row.</summary>
    public const string PaymentSummary = "PaymentSummary";

    private static readonly Dictionary<string, SettlementKind> Kinds = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Product Price"] = SettlementKind.Principal,
        ["Product tax"] = SettlementKind.Tax,
        ["Shipping Price"] = SettlementKind.Shipping,
        ["Shipping tax"] = SettlementKind.Tax,
        ["Gift wrap tax"] = SettlementKind.Tax,
        ["Product tax withheld"] = SettlementKind.Tax,
        ["Shipping tax withheld"] = SettlementKind.Tax,
        ["Commission on Product"] = SettlementKind.Fee,
        ["Commission on Shipping"] = SettlementKind.Fee,
        ["Commission on Gift Wrap"] = SettlementKind.Fee,
        ["Fee/Reimbursement"] = SettlementKind.Fee,
        ["Refund"] = SettlementKind.Refund,
    };

    public static string RawType(string transactionType, string amountType) => $"{transactionType}/{amountType}";

    public static SettlementKind Classify(string transactionType, string amountType)
    {
        var kind = Kinds.GetValueOrDefault(amountType, SettlementKind.Other);
        var isRefund = transactionType.Equals("REFUND", StringComparison.OrdinalIgnoreCase);
        return kind switch
        {
            // What the customer paid comes back as a refund; commission returned on a refund stays a fee.
            SettlementKind.Principal or SettlementKind.Shipping or SettlementKind.Tax when isRefund => SettlementKind.Refund,
            SettlementKind.Other when transactionType.Equals("ADJUSTMENT", StringComparison.OrdinalIgnoreCase) => SettlementKind.Adjustment,
            _ => kind,
        };
    }
}
