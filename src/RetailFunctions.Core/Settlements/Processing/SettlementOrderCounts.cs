using RetailFunctions.Core.Settlements.Reconciliation;

namespace RetailFunctions.Core.Settlements.Processing;

public sealed record SettlementOrderCounts(int Matched, int Variance, int OrderUnknown, int Unsettled)
{
    public static SettlementOrderCounts From(SettlementReconciliation reconciliation)
    {
        ArgumentNullException.ThrowIfNull(reconciliation);
        int matched = 0, variance = 0, unknown = 0, unsettled = 0;
        foreach (var order in reconciliation.Orders)
        {
            switch (order.Status)
            {
                case OrderReconciliationStatus.Matched: matched++; break;
                case OrderReconciliationStatus.Variance: variance++; break;
                case OrderReconciliationStatus.OrderUnknown: unknown++; break;
                case OrderReconciliationStatus.Unsettled: unsettled++; break;
            }
        }

        return new SettlementOrderCounts(matched, variance, unknown, unsettled);
    }
}
