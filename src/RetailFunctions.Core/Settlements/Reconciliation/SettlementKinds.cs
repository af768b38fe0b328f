namespace RetailFunctions.Core.Settlements.Reconciliation;

internal static class SettlementKinds
{
    public static readonly int Count = Enum.GetValues<SettlementKind>().Length;
}
