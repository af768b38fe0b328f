namespace RetailFunctions.Core.Settlements;

/// <summary>What a settlement line pays or charges, across channels.</summary>
/// <remarks><see cref="Other"/> is only ever given to a raw type the channel's parser does not know.</remarks>
public enum SettlementKind
{
    Principal,
    Tax,
    Shipping,
    Promotion,
    Fee,
    Refund,
    Reserve,
    Adjustment,
    Other,
}
