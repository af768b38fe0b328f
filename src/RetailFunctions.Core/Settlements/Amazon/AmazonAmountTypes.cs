namespace RetailFunctions.Core.Settlements.Amazon;

/// <summary>Maps Amazon's transaction-type, amount-type and amount-description to a <see cref="SettlementKind"/>.</summary>
public static class AmazonAmountTypes
{
    private static readonly HashSet<string> RefundTransactions = new(StringComparer.OrdinalIgnoreCase)
    {
        "Refund", "Chargeback Refund", "A-to-z Guarantee Claim", "GuaranteeClaimRefund",
    };

    private static readonly HashSet<string> ReserveDescriptions = new(StringComparer.OrdinalIgnoreCase)
    {
        "Previous Reserve Amount Balance", "Current Reserve Amount",
    };

    private static readonly Dictionary<string, SettlementKind> ItemPriceDescriptions = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Principal"] = SettlementKind.Principal,
        ["GiftWrap"] = SettlementKind.Principal,
        ["Shipping"] = SettlementKind.Shipping,
        ["Tax"] = SettlementKind.Tax,
        ["ShippingTax"] = SettlementKind.Tax,
        ["GiftWrapTax"] = SettlementKind.Tax,
    };

    private static readonly Dictionary<string, SettlementKind> OtherTransactionDescriptions = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Storage Fee"] = SettlementKind.Fee,
        ["StorageRenewalBilling"] = SettlementKind.Fee,
        ["Subscription Fee"] = SettlementKind.Fee,
        ["FBA Inbound Transportation Fee"] = SettlementKind.Fee,
        ["FBAInboundTransportationFee"] = SettlementKind.Fee,
        ["FBALongTermStorageFee"] = SettlementKind.Fee,
        ["RemovalComplete"] = SettlementKind.Fee,
        ["DisposalComplete"] = SettlementKind.Fee,
        ["Cost of Advertising"] = SettlementKind.Fee,
        ["REVERSAL_REIMBURSEMENT"] = SettlementKind.Adjustment,
        ["WAREHOUSE_DAMAGE"] = SettlementKind.Adjustment,
        ["WAREHOUSE_LOST"] = SettlementKind.Adjustment,
        ["MISSING_FROM_INBOUND"] = SettlementKind.Adjustment,
        ["FREE_REPLACEMENT_REFUND_ITEMS"] = SettlementKind.Adjustment,
        ["Balance Adjustment"] = SettlementKind.Adjustment,
    };

    /// <summary>The raw type kept on the line: <c>amount-type/amount-description</c>, or the transaction type when both are empty.</summary>
    public static string RawType(string transactionType, string amountType, string amountDescription) =>
        amountType.Length == 0 && amountDescription.Length == 0
            ? transactionType
            : $"{amountType}/{amountDescription}";

    public static SettlementKind Classify(string transactionType, string amountType, string amountDescription)
    {
        if (ReserveDescriptions.Contains(amountDescription) || ReserveDescriptions.Contains(transactionType))
        {
            return SettlementKind.Reserve;
        }

        return amountType.ToLowerInvariant() switch
        {
            "itemprice" when RefundTransactions.Contains(transactionType) => SettlementKind.Refund,
            "itemprice" => ItemPriceDescriptions.GetValueOrDefault(amountDescription, SettlementKind.Other),
            "itemwithheldtax" => SettlementKind.Tax,
            "itemfees" => SettlementKind.Fee,
            "promotion" => SettlementKind.Promotion,
            "cost of advertising" => SettlementKind.Fee,
            "fba inventory reimbursement" => SettlementKind.Adjustment,
            "other-transaction" => OtherTransactionDescriptions.GetValueOrDefault(amountDescription, SettlementKind.Other),
            _ when transactionType.Equals("ServiceFee", StringComparison.OrdinalIgnoreCase) => SettlementKind.Fee,
            _ => SettlementKind.Other,
        };
    }
}
